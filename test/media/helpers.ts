import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { ApplicationFailure } from '@temporalio/common';
import { createLocalMediaStorage } from '../../db/media/storage';
import { withTenant } from '../../db/tenant-transaction';
import type { TestApp } from '../support/harness';

/** Bytes that start like a JPEG and are unique per call, so a stored file proves which upload it came from. */
export function jpegBytes(size = 4096): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
}

export async function storedBytes(app: TestApp, tenantId: string, mediaFileId: string): Promise<Buffer | undefined> {
  const row = await app.db.system('media_files').where({ id: mediaFileId }).first('storage_key');
  const object = row && (await createLocalMediaStorage(app.config.dataDir).get(tenantId, row.storage_key));
  return object ? buffer(object.stream) : undefined;
}

/** Files on disk for a tenant, without their MIME sidecars. */
export async function filesOnDisk(app: TestApp, tenantId: string): Promise<string[]> {
  const names = await readdir(join(app.config.dataDir, 'media', tenantId)).catch(() => [] as string[]);
  return names.filter((n) => !n.endsWith('.json'));
}

/** The failure an activity threw, for asserting how Temporal would treat it. */
export async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApplicationFailure)) throw new Error(`expected an ApplicationFailure, got ${String(err)}`);
  return err;
}

/** Media the simulated Meta holds for a number, as if a customer had sent it (through the Graph upload). */
export async function metaMediaFor(app: TestApp, account: { phoneNumberId: string; token: string }, bytes: Buffer, mimeType: string): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), 'upload');
  const res = await fetch(`${app.meta.url}/${app.config.meta.graphVersion}/${account.phoneNumberId}/media`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${account.token}` },
    body: form,
  });
  const { id } = (await res.json()) as { id: string };
  return { id, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** An inbound message row no workflow knows about, so nothing else stores its media concurrently. */
export async function insertInboundMessage(app: TestApp, tenantId: string, content: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await withTenant(app.db.app, tenantId, (trx) =>
    trx('messages').insert({
      id,
      tenant_id: tenantId,
      conversation_id: randomUUID(),
      contact_id: randomUUID(),
      direction: 'inbound',
      type: 'image',
      content,
      status: 'received',
      sender: 'contact',
    }),
  );
  return id;
}
