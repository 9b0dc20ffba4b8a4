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
    await request(app.url)
      .post('/messages/send')
      .set(bearer(tenant.accessToken))
      .send({ to: `+${waId}`, type: 'image', media: { fileId: uploaded.body.id, caption: 'Offer' } })
      .expect(202);
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

  it('a media link must be https: http, file, data and javascript links are refused with 400 and nothing is sent', async () => {
    const waId = customerWaId();
    const conversations = () =>
      app.db
        .system('conversations')
        .where({ tenant_id: tenant.tenant.id })
        .whereNotNull('last_inbound_at')
        .count({ n: '*' })
        .then(([r]) => Number(r.n));
    const before = await conversations();
    await app.meta.customer(account.phoneNumberId).send(waId, 'send me the brochure');
    await eventually(async () => expect(await conversations()).toBe(before + 1));
    const send = (link: string) =>
      request(app.url)
        .post('/messages/send')
        .set(bearer(tenant.accessToken))
        .send({ to: `+${waId}`, type: 'document', media: { link, filename: 'brochure.pdf' } });
    for (const link of ['http://cdn.example.com/brochure.pdf', 'file:///etc/passwd', 'data:application/pdf;base64,JVBERi0=', 'javascript:alert(1)']) {
      const refused = await send(link).expect(400);
      expect(refused.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'media.link', message: 'must be an https:// URL' }] });
    }
    await send('https://cdn.example.com/brochure.pdf').expect(202);
    const documents = await eventually(async () => {
      const sent = app.meta.sent({ phoneNumberId: account.phoneNumberId }).filter((m) => m.type === 'document');
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect((documents[0].body.document as { link: string }).link).toBe('https://cdn.example.com/brochure.pdf');
  });
});
