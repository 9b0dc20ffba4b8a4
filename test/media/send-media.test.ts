import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { jpegBytes } from './helpers';

let app: TestApp;
let tenant: RegisteredTenant;
let account: { phoneNumberId: string; token: string };
beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  account = await connectTestNumber(app, tenant.tenant.id);
});
afterAll(async () => {
  await app.meta.idle();
  await app?.stop();
});

describe('sending an uploaded file', () => {
  it('POST /media then /messages/send with fileId sends Meta our bytes', async () => {
    const waId = customerWaId();
    await app.meta.customer(account.phoneNumberId).send(waId, 'send me the offer');
    await eventually(async () => expect(await app.db.system('conversations').where({ tenant_id: tenant.tenant.id }).whereNotNull('last_inbound_at').first()).toBeDefined());
    const bytes = jpegBytes(12_000);
    const uploaded = await request(app.url).post('/media').set(bearer(tenant.accessToken)).attach('file', bytes, { filename: 'offer.jpg', contentType: 'image/jpeg' }).expect(201);
    await request(app.url).post('/messages/send').set(bearer(tenant.accessToken)).send({ to: `+${waId}`, type: 'image', media: { fileId: uploaded.body.id, caption: 'Offer' } }).expect(202);
    const sent = await eventually(async () => {
      const [message] = app.meta.sent({ phoneNumberId: account.phoneNumberId }).filter((m) => m.type === 'image');
      expect(message).toBeDefined();
      return message;
    });
    const image = sent.body.image as { id: string; caption: string };
    expect(image.caption).toBe('Offer');
    const info = await fetch(`${app.meta.url}/${app.config.meta.graphVersion}/${image.id}`, { headers: bearer(account.token) }).then((r) => r.json());
    expect(info.sha256).toBe(uploaded.body.sha256);
  });
});
