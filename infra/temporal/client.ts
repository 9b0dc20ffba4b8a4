import { Client, Connection } from '@temporalio/client';
import type { AppConfig, EncryptionKey } from '../../config';
import { temporalConnectOptions } from '../../config/temporal-connection';
import { encryptedDataConverter } from '../codec/encryption-codec';

export async function createTemporalClient(temporal: AppConfig['temporal'], encryptionKeys: EncryptionKey[]): Promise<Client> {
  const connection = await Connection.connect(temporalConnectOptions(temporal.connection));
  return new Client({ connection, namespace: temporal.namespace, dataConverter: encryptedDataConverter(encryptionKeys) });
}

/** Readiness: the frontend service answers (the API's /readyz). */
export async function pingTemporal(client: Client): Promise<void> {
  await client.workflowService.getSystemInfo({});
}
