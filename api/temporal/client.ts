import { Client, Connection } from '@temporalio/client';
import type { AppConfig, EncryptionKey } from '../../config';
import { encryptedDataConverter } from '../../worker/codec/encryption-codec';

export async function createTemporalClient(temporal: AppConfig['temporal'], encryptionKeys: EncryptionKey[]): Promise<Client> {
  const connection = await Connection.connect({ address: temporal.address });
  return new Client({ connection, namespace: temporal.namespace, dataConverter: encryptedDataConverter(encryptionKeys) });
}
