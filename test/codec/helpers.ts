import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { hashPassword } from '../../api/auth/passwords';
import { upsertPlatformAdmin } from '../../db/system/platform-admins';
import type { TestApp } from '../support/harness';

export interface PlatformAdmin {
  id: string;
  email: string;
  password: string;
  accessToken: string;
}

/** A platform admin straight in the database (the script is tested on its own), signed in. */
export async function signedInPlatformAdmin(app: TestApp): Promise<PlatformAdmin> {
  const email = `ops.${randomBytes(4).toString('hex')}@aerostic.test`;
  const password = 'platform admin 42 secret';
  const { id } = await upsertPlatformAdmin(app.db.system, { email, name: 'Ops', passwordHash: await hashPassword(password) });
  const res = await request(app.url).post('/admin/login').send({ email, password }).expect(200);
  return { id, email, password, accessToken: res.body.accessToken };
}

export type JsonPayload = { metadata: Record<string, string>; data: string };

/** Temporal UI's wire form of a payload: metadata values and data in base64. */
export function toJsonPayload(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

export const jsonPlain = (value: unknown): JsonPayload => ({
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(value)).toString('base64'),
});

export const metadataText = (payload: JsonPayload, key: string) => Buffer.from(payload.metadata[key] ?? '', 'base64').toString('utf8');
export const dataJson = (payload: JsonPayload): unknown => JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8'));

/** History exactly as the server stores it: a plain connection, no data converter anywhere. */
export async function rawHistory(app: TestApp, workflowId: string): Promise<temporal.api.history.v1.IHistory> {
  const connection = await Connection.connect({ address: app.config.temporal.address });
  try {
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await connection.workflowService.getWorkflowExecutionHistory({ namespace: app.config.temporal.namespace, execution: { workflowId }, nextPageToken });
      events.push(...(page.history?.events ?? []));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return { events };
  } finally {
    await connection.close();
  }
}

/** Every payload in the history, except search attributes, which the server must be able to index. */
export function payloadsIn(value: unknown): Payload[] {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  if ('metadata' in value && 'data' in value && value.metadata && typeof value.metadata === 'object') return [value as Payload];
  return Object.entries(value).flatMap(([key, child]) => (key === 'searchAttributes' ? [] : payloadsIn(child)));
}
