import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { jpegBytes } from './helpers';

// The conversation workflow's wiring (workflows/conversation.ts → storeInboundMedia), end to end: it
// fails until handleInbound calls media.storeInboundMedia for media messages.
let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;
beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, tenant.tenant.id)).phoneNumberId;
});
afterEach(async () => {
  await app.meta.idle();
  app.meta.clearFaults();
});
afterAll(async () => {
  await app?.stop();
});

async function mediaFileOf(wamid: string): Promise<string> {
  return eventually(async () => {
    const link = await app.db.system('message_wa_ids').where({ wa_message_id: wamid }).first('message_id');
    const message = link && (await app.db.system('messages').where({ id: link.message_id }).first('content'));
    expect(message?.content?.mediaFileId).toEqual(expect.any(String));
    return message!.content.mediaFileId as string;
  });
}

describe('inbound media through the conversation workflow', () => {
  it('a customer’s image is stored and served by GET /media/:id', async () => {
    const bytes = jpegBytes(30_000);
    const sent = await app.meta.customer(phoneNumberId).send(customerWaId(), { type: 'image', mimeType: 'image/jpeg', data: bytes });
    const id = await mediaFileOf(sent.wamid);
    const res = await request(app.url).get(`/media/${id}`).set(bearer(tenant.accessToken)).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.body).toEqual(bytes);
  });

  it('a failed download is retried by Temporal', async () => {
    app.meta.injectFault({ kind: 'http', status: 503, operation: 'media_download', phoneNumberId, times: 1 });
    const sent = await app.meta
      .customer(phoneNumberId)
      .send(customerWaId(), { type: 'document', mimeType: 'application/pdf', filename: 'quote.pdf', data: Buffer.from('%PDF-1.4 quote') });
    const id = await mediaFileOf(sent.wamid);
    const res = await request(app.url).get(`/media/${id}`).set(bearer(tenant.accessToken)).buffer(true).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="quote.pdf"');
    expect(Buffer.from(res.body)).toEqual(Buffer.from('%PDF-1.4 quote'));
  });
});
