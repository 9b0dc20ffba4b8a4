import { createHash } from 'node:crypto';
import request from 'supertest';
import { createMediaActivities, type MediaActivities } from '../../activities/media';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { connectTestNumber } from '../support/whatsapp-factories';
import { failureOf, jpegBytes, storedBytes } from './helpers';

const MB = 1024 * 1024;
let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let account: { phoneNumberId: string; token: string };
let media: MediaActivities;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  account = await connectTestNumber(app, tenant.tenant.id);
  media = createMediaActivities({ db: app.db, config: app.config });
});
afterAll(async () => {
  await app?.stop();
});

const upload = (bytes: Buffer, filename: string, contentType: string, token = tenant.accessToken) =>
  request(app.url).post('/media').set(bearer(token)).attach('file', bytes, { filename, contentType });

describe('POST /media', () => {
  it('stores an upload and serves it back to the workspace', async () => {
    const bytes = jpegBytes(20_000);
    const res = await upload(bytes, 'photo.jpg', 'image/jpeg').expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      kind: 'image',
      mimeType: 'image/jpeg',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      filename: 'photo.jpg',
    });
    expect(await storedBytes(app, tenant.tenant.id, res.body.id)).toEqual(bytes);
    const row = await app.db.system('media_files').where({ id: res.body.id }).first();
    expect(row).toMatchObject({ tenant_id: tenant.tenant.id, direction: 'outbound', message_id: null, meta_media_id: null });
    const served = await request(app.url).get(`/media/${res.body.id}`).set(bearer(tenant.accessToken)).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    await request(app.url).get(`/media/${res.body.id}`).set(bearer(other.accessToken)).expect(404);
  });

  it('serves documents as downloads, with a cleaned file name', async () => {
    const res = await upload(Buffer.from('%PDF-1.4 minimal'), '../evil"name.pdf', 'application/pdf').expect(201);
    expect(res.body.filename).toMatch(/^[^/\\"]*evil[^/\\"]*name\.pdf$/);
    const served = await request(app.url).get(`/media/${res.body.id}`).set(bearer(tenant.accessToken)).buffer(true).expect(200);
    expect(Buffer.from(served.body)).toEqual(Buffer.from('%PDF-1.4 minimal'));
    expect(served.headers['content-disposition']).toBe(`attachment; filename="${res.body.filename}"`);
    expect(served.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a file over its type’s WhatsApp limit with 413', async () => {
    const res = await upload(jpegBytes(5 * MB + 1), 'big.jpg', 'image/jpeg').expect(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('image files up to 5 MB') });
    const video = await upload(Buffer.alloc(16 * MB + 1), 'big.mp4', 'video/mp4').expect(413);
    expect(video.body.error.message).toContain('video files up to 16 MB');
  });

  it('refuses types WhatsApp does not take with 415, and other bodies clearly', async () => {
    const gif = await upload(Buffer.from('GIF89a'), 'a.gif', 'image/gif').expect(415);
    expect(gif.body.error).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringContaining('image/gif'),
      details: [{ path: 'file', message: expect.any(String) }],
    });
    const json = await request(app.url).post('/media').set(bearer(tenant.accessToken)).send({ file: 'x' }).expect(415);
    expect(json.body.error.message).toContain('multipart/form-data');
    const noFile = await request(app.url).post('/media').set(bearer(tenant.accessToken)).field('note', 'no file').expect(400);
    expect(noFile.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'file', message: 'Required' }] });
    const empty = await upload(Buffer.alloc(0), 'empty.pdf', 'application/pdf').expect(400);
    expect(empty.body.error.code).toBe('validation_failed');
  });

  it('accepts a `type` field for files sent as octet-stream', async () => {
    const res = await request(app.url)
      .post('/media')
      .set(bearer(tenant.accessToken))
      .field('type', 'audio/ogg')
      .attach('file', Buffer.from('OggS....'), { filename: 'note', contentType: 'application/octet-stream' })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg' });
  });

  it('needs a signed-in user', async () => {
    const res = await request(app.url).post('/media').attach('file', jpegBytes(), { filename: 'a.jpg', contentType: 'image/jpeg' }).expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('uploadMediaToMeta (at send time)', () => {
  it('uploads the stored bytes once per number and answers the Meta media id', async () => {
    const bytes = jpegBytes(10_000);
    const { body } = await upload(bytes, 'offer.jpg', 'image/jpeg').expect(201);
    const input = { tenantId: tenant.tenant.id, phoneNumberId: account.phoneNumberId, mediaFileId: body.id };
    const first = await media.uploadMediaToMeta(input);
    expect(first).toEqual({ metaMediaId: expect.stringMatching(/^\d+$/), reused: false });
    expect(await media.uploadMediaToMeta(input)).toEqual({ metaMediaId: first.metaMediaId, reused: true });
    // What Meta now holds is exactly our file.
    const info = await fetch(`${app.meta.url}/${app.config.meta.graphVersion}/${first.metaMediaId}`, { headers: bearer(account.token) }).then((r) => r.json());
    expect(info).toMatchObject({ mime_type: 'image/jpeg', sha256: body.sha256, file_size: bytes.length });
  });

  it('a Meta outage is retryable; another workspace’s file is not found', async () => {
    const { body } = await upload(jpegBytes(), 'x.jpg', 'image/jpeg').expect(201);
    app.meta.injectFault({ kind: 'http', status: 503, operation: 'media', phoneNumberId: account.phoneNumberId, times: 1 });
    const outage = await failureOf(media.uploadMediaToMeta({ tenantId: tenant.tenant.id, phoneNumberId: account.phoneNumberId, mediaFileId: body.id }));
    expect(outage).toMatchObject({ type: 'media_retryable', nonRetryable: false });
    const foreign = await failureOf(media.uploadMediaToMeta({ tenantId: other.tenant.id, phoneNumberId: account.phoneNumberId, mediaFileId: body.id }));
    expect(foreign).toMatchObject({ type: 'media_not_found', nonRetryable: true });
  });
});
