import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config';

export async function createTemporalClient(temporal: AppConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect({ address: temporal.address });
  return new Client({ connection, namespace: temporal.namespace });
}
