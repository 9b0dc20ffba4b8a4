import request from 'supertest';
import { UPLOADS_PER_TENANT } from '../../api/media/router';
import { KNOWLEDGE_UPLOADS_PER_TENANT } from '../../api/ai/read-knowledge-body';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { multipartHead, multipartTail, OpenUpload, type AnsweredUpload } from '../support/open-upload';
import { filesOnDisk, jpegBytes } from './helpers';

const MB = 1024 * 1024;
const BOUNDARY = 'aerostic-upload-limits-boundary';
let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
});
afterAll(async () => {
  await app?.stop();
});

const mediaRows = (tenantId: string) =>
  app.db
    .system('media_files')
    .where({ tenant_id: tenantId })
    .count({ n: '*' })
    .then(([r]) => Number(r.n));
const openMediaUpload = (who: RegisteredTenant) => new OpenUpload(app.url, '/media', { ...bearer(who.accessToken), 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` });

/**
 * Streams megabytes of one file part until the server answers. The server closes the connection after
 * its 413; a client still writing can get a reset before it has read that answer (the kernel drops it
 * with the connection), so a reset before the answer is tried again, twice at most.
 */
async function streamUntilAnswered(file: { filename: string; contentType: string }, fill: number): Promise<AnsweredUpload> {
  const megabyte = Buffer.alloc(MB, fill);
  for (let attempt = 1; ; attempt++) {
    const upload = openMediaUpload(tenant);
    try {
      await upload.write(multipartHead(BOUNDARY, {}, file));
      for (let i = 0; i < 200 && !upload.answered; i++) await upload.write(megabyte);
      return await upload.finish();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw err;
    }
  }
}

describe('a 200 MB upload', () => {
  it('is cut off with 413 at the 100 MB document limit while it streams, without buffering it in memory', async () => {
    const [rowsBefore, filesBefore] = [await mediaRows(tenant.tenant.id), await filesOnDisk(app, tenant.tenant.id)];
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const answer = await streamUntilAnswered({ filename: 'huge.pdf', contentType: 'application/pdf' }, 0x25);
      expect(answer.status).toBe(413);
      expect(answer.body.error).toEqual({ code: 'payload_too_large', message: expect.stringMatching(/^WhatsApp accepts (document files|any file) up to 100 MB$/) });
      expect(answer.headers.connection).toBe('close');
      // Cut off near the limit (what sits in socket buffers aside), not after the 200 MB.
      expect(answer.sentAtAnswer).toBeGreaterThan(100 * MB);
      expect(answer.sentAtAnswer).toBeLessThan(116 * MB);
    } finally {
      clearInterval(sampler);
    }
    // The API runs in this process: 100 MB held in memory would show here.
    expect((peak - baseline) / MB).toBeLessThan(48);
    expect(await mediaRows(tenant.tenant.id)).toBe(rowsBefore);
    expect(await filesOnDisk(app, tenant.tenant.id)).toEqual(filesBefore);
  });

  it("an image is cut off at its own 5 MB limit, as soon as the part's type names it", async () => {
    const answer = await streamUntilAnswered({ filename: 'huge.jpg', contentType: 'image/jpeg' }, 0xff);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toBe('WhatsApp accepts image files up to 5 MB');
    expect(answer.sentAtAnswer).toBeLessThan(21 * MB);
  });
});

describe('per-workspace concurrency caps', () => {
  it(`at most ${UPLOADS_PER_TENANT} media uploads at a time per workspace: the next is refused with 429 and stores nothing`, async () => {
    const rowsBefore = await mediaRows(tenant.tenant.id);
    const images = Array.from({ length: UPLOADS_PER_TENANT }, () => jpegBytes(64 * 1024));
    const held = images.map(() => openMediaUpload(tenant));
    await Promise.all(
      held.map((u, i) => u.write(Buffer.concat([Buffer.from(multipartHead(BOUNDARY, {}, { filename: `slow-${i}.jpg`, contentType: 'image/jpeg' })), images[i].subarray(0, 1024)]))),
    );

    // Wait until the server holds all of them: an empty form answers 400 while a slot is free.
    await eventually(async () => {
      const probe = await request(app.url).post('/media').set(bearer(tenant.accessToken)).field('note', 'probe');
      expect(probe.status).toBe(429);
    });
    const refused = await request(app.url)
      .post('/media')
      .set(bearer(tenant.accessToken))
      .attach('file', jpegBytes(), { filename: 'fourth.jpg', contentType: 'image/jpeg' })
      .expect(429);
    expect(refused.body.error).toEqual({ code: 'rate_limited', message: `At most ${UPLOADS_PER_TENANT} uploads at a time per workspace; try again when one has finished` });
    expect(refused.headers['retry-after']).toBe('5');
    // Another workspace is not held up by this one.
    await request(app.url).post('/media').set(bearer(other.accessToken)).attach('file', jpegBytes(), { filename: 'other.jpg', contentType: 'image/jpeg' }).expect(201);

    const answers = await Promise.all(held.map((u, i) => u.finish(Buffer.concat([images[i].subarray(1024), Buffer.from(multipartTail(BOUNDARY))]))));
    expect(answers.map((a) => a.status)).toEqual(images.map(() => 201));
    expect(await mediaRows(tenant.tenant.id)).toBe(rowsBefore + UPLOADS_PER_TENANT);
    await request(app.url).post('/media').set(bearer(tenant.accessToken)).attach('file', jpegBytes(), { filename: 'later.jpg', contentType: 'image/jpeg' }).expect(201);
  });

  it(`at most ${KNOWLEDGE_UPLOADS_PER_TENANT} knowledge uploads (body and PDF parse) at a time per workspace`, async () => {
    const documents = () =>
      app.db
        .system('knowledge_documents')
        .where({ tenant_id: tenant.tenant.id })
        .count({ n: '*' })
        .then(([r]) => Number(r.n));
    const before = await documents();
    const held = Array.from(
      { length: KNOWLEDGE_UPLOADS_PER_TENANT },
      () => new OpenUpload(app.url, '/ai/knowledge', { ...bearer(tenant.accessToken), 'Content-Type': 'application/json' }),
    );
    await Promise.all(held.map((u, i) => u.write(`{"title":"Held ${i}","format":"text","content":"We open at nine`)));
    await eventually(async () => {
      const probe = await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).send({});
      expect(probe.status).toBe(429);
    });
    const refused = await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).send({ title: 'Third', format: 'text', content: 'We close at six.' }).expect(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const answers = await Promise.all(held.map((u) => u.finish(' every day."}')));
    expect(answers.map((a) => a.status)).toEqual(held.map(() => 201));
    expect(await documents()).toBe(before + KNOWLEDGE_UPLOADS_PER_TENANT);
    await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).send({ title: 'Later', format: 'text', content: 'We close at six.' }).expect(201);
  });
});
