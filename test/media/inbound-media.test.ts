import request from 'supertest';
import { createMediaActivities, type MediaActivities } from '../../activities/media';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { failureOf, filesOnDisk, insertInboundMessage, jpegBytes, metaMediaFor, storedBytes } from './helpers';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let account: { phoneNumberId: string; token: string };
let phoneNumberId: string;
let media: MediaActivities;
beforeAll(async () => {
  app = await startTestApp();
  [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  account = await connectTestNumber(app, tenant.tenant.id);
  phoneNumberId = account.phoneNumberId;
  media = createMediaActivities({ db: app.db, config: app.config });
});
afterEach(async () => {
  await app.meta.idle();
  app.meta.clearFaults();
});
afterAll(async () => {
  await app?.stop();
});

/** A customer sends an image; answers the stored message and the input the workflow hands the activity. */
async function inboundImage(bytes = jpegBytes()) {
  const sent = await app.meta.customer(phoneNumberId).send(customerWaId(), { type: 'image', mimeType: 'image/jpeg', data: bytes, caption: 'this one' });
  const message = await eventually(async () => {
    const link = await app.db.system('message_wa_ids').where({ wa_message_id: sent.wamid }).first('message_id');
    expect(link).toBeDefined();
    return (await app.db.system('messages').where({ id: link!.message_id }).first())!;
  });
  const content = message.content as { id: string; mime_type: string; sha256: string };
  const input = { tenantId: tenant.tenant.id, messageId: message.id as string, phoneNumberId, mediaId: content.id, mimeType: content.mime_type, sha256: content.sha256 };
  return { bytes, message, input };
}

/** The same, for a message no workflow handles, so no concurrent store can hide a failure. */
async function detachedImage(bytes = jpegBytes()) {
  const meta = await metaMediaFor(app, account, bytes, 'image/jpeg');
  const messageId = await insertInboundMessage(app, tenant.tenant.id, { id: meta.id, mime_type: 'image/jpeg', sha256: meta.sha256 });
  return { bytes, message: { id: messageId }, input: { tenantId: tenant.tenant.id, messageId, phoneNumberId, mediaId: meta.id, mimeType: 'image/jpeg', sha256: meta.sha256 } };
}

const mediaRowsOf = (messageId: string) => app.db.system('media_files').where({ message_id: messageId });

describe('inbound media', () => {
  it('stores the exact bytes, links them to the message and serves them to the workspace only', async () => {
    const { bytes, message, input } = await inboundImage();
    const stored = await media.storeInboundMedia(input);
    expect(stored).toMatchObject({ mimeType: 'image/jpeg', sizeBytes: bytes.length });
    expect(await storedBytes(app, tenant.tenant.id, stored.mediaFileId)).toEqual(bytes);
    const row = await app.db.system('media_files').where({ id: stored.mediaFileId }).first();
    expect(row).toMatchObject({ tenant_id: tenant.tenant.id, message_id: message.id, direction: 'inbound', meta_media_id: input.mediaId, sha256: input.sha256 });
    const after = (await app.db.system('messages').where({ id: message.id }).first('content'))!;
    expect(after.content).toMatchObject({ caption: 'this one', id: input.mediaId, mediaFileId: stored.mediaFileId });

    const res = await request(app.url).get(`/media/${stored.mediaFileId}`).set(bearer(tenant.accessToken)).expect(200);
    expect(res.body).toEqual(bytes);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers['content-disposition']).toBe(`inline; filename="${stored.mediaFileId}.jpg"`);
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const foreign = await request(app.url).get(`/media/${stored.mediaFileId}`).set(bearer(other.accessToken)).expect(404);
    expect(foreign.body.error.code).toBe('not_found');
    const anonymous = await request(app.url).get(`/media/${stored.mediaFileId}`).expect(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('is idempotent: retries, even concurrent ones, keep one row and one file', async () => {
    const { message, input } = await inboundImage();
    const [a, b] = await Promise.all([media.storeInboundMedia(input), media.storeInboundMedia(input)]);
    const again = await media.storeInboundMedia(input);
    expect(new Set([a.mediaFileId, b.mediaFileId, again.mediaFileId]).size).toBe(1);
    expect(again.existing).toBe(true);
    expect(await mediaRowsOf(message.id)).toHaveLength(1);
    // No spare copy is left behind. Eventually: a download of an earlier test's webhook may be between
    // writing its file and inserting its row.
    await eventually(async () => {
      const rows = await app.db.system('media_files').where({ tenant_id: tenant.tenant.id });
      expect(await filesOnDisk(app, tenant.tenant.id)).toHaveLength(rows.length);
    });
  });

  it('a failed download is retryable, stores nothing, and the retry succeeds', async () => {
    const { bytes, message, input } = await detachedImage();
    const before = await filesOnDisk(app, tenant.tenant.id);
    app.meta.injectFault({ kind: 'http', status: 503, operation: 'media_download', phoneNumberId, times: 1 });
    const failure = await failureOf(media.storeInboundMedia(input));
    expect(failure).toMatchObject({ type: 'media_retryable', nonRetryable: false });
    expect(failure.message).toContain('503');
    expect(await mediaRowsOf(message.id)).toHaveLength(0);
    expect(await filesOnDisk(app, tenant.tenant.id)).toEqual(before);

    const stored = await media.storeInboundMedia(input);
    expect(await storedBytes(app, tenant.tenant.id, stored.mediaFileId)).toEqual(bytes);
  });

  it('Meta failing the lookup with 5xx is retryable; an unknown media id is not', async () => {
    const { input } = await detachedImage();
    app.meta.injectFault({ kind: 'http', status: 500, operation: 'node', phoneNumberId, times: 1 });
    expect(await failureOf(media.storeInboundMedia(input))).toMatchObject({ type: 'media_retryable', nonRetryable: false });
    const unknown = await failureOf(media.storeInboundMedia({ ...input, mediaId: '123456789012345' }));
    expect(unknown.nonRetryable).toBe(true);
    expect(unknown.type).toMatch(/^meta_/);
  });

  it('bytes that do not match the digest are discarded and the attempt is retryable', async () => {
    const { message, input } = await detachedImage();
    const before = await filesOnDisk(app, tenant.tenant.id);
    const failure = await failureOf(media.storeInboundMedia({ ...input, sha256: 'a'.repeat(64) }));
    expect(failure).toMatchObject({ type: 'media_retryable', nonRetryable: false });
    expect(failure.message).toContain('SHA-256');
    expect(await mediaRowsOf(message.id)).toHaveLength(0);
    expect(await filesOnDisk(app, tenant.tenant.id)).toEqual(before);
  });

  it('refuses a message of another workspace without downloading', async () => {
    const { message, input } = await detachedImage();
    const graphCallsForMedia = () =>
      app.meta
        .requests()
        .filter((r) => r.nodeId === input.mediaId)
        .map((r) => r.operation);
    const othersFiles = await filesOnDisk(app, other.tenant.id);
    const failure = await failureOf(media.storeInboundMedia({ ...input, tenantId: other.tenant.id }));
    expect(failure).toMatchObject({ type: 'message_not_found', nonRetryable: true });
    expect(graphCallsForMedia()).toEqual([]);
    expect(await mediaRowsOf(message.id)).toHaveLength(0);
    expect(await filesOnDisk(app, other.tenant.id)).toEqual(othersFiles);
    // The same media for its own workspace is looked up and downloaded: the count above would have seen it.
    await media.storeInboundMedia(input);
    expect(graphCallsForMedia()).toEqual(['node', 'media_download']);
  });
});
