import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { phoneBlindIndex } from '../../db/contacts/phone-identity';

let app: TestApp;
let tenantId: string;
let phoneNumberId: string;
beforeAll(async () => {
  app = await startTestApp();
  tenantId = (await registerTenant(app.url)).tenant.id;
  phoneNumberId = (await connectTestNumber(app, tenantId)).phoneNumberId;
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

const messagesFrom = async (waId: string) => {
  const contact = await app.db
    .system('contacts')
    .where({ tenant_id: tenantId, phone_blind_index: phoneBlindIndex(app.config, tenantId, `+${waId}`) })
    .first();
  if (!contact) return [];
  return app.db.system('messages').where({ contact_id: contact.id, direction: 'inbound' }).orderBy('created_at');
};

describe('inbound WhatsApp messages', () => {
  it.each([
    ['text', { type: 'text', body: 'Does it come in blue?' }, { body: 'Does it come in blue?' }],
    ['image', { type: 'image', caption: 'this one' }, { caption: 'this one', mime_type: expect.any(String), id: expect.any(String) }],
    ['video', { type: 'video' }, { id: expect.any(String) }],
    ['audio', { type: 'audio' }, { id: expect.any(String) }],
    ['document', { type: 'document', filename: 'invoice.pdf' }, { filename: 'invoice.pdf', id: expect.any(String) }],
    ['sticker', { type: 'sticker' }, { id: expect.any(String) }],
    ['location', { type: 'location', latitude: 12.97, longitude: 77.59, name: 'Shop' }, { latitude: 12.97, longitude: 77.59, name: 'Shop' }],
    [
      'contacts',
      { type: 'contacts', contacts: [{ name: { formatted_name: 'Ravi' }, phones: [{ phone: '+919800000000' }] }] },
      { contacts: [{ name: { formatted_name: 'Ravi' }, phones: [{ phone: '+919800000000' }] }] },
    ],
    ['interactive', { type: 'button_reply', buttonId: 'yes', title: 'Yes' }, { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } }],
    ['interactive', { type: 'list_reply', rowId: 'r2', title: 'Large' }, { type: 'list_reply', list_reply: expect.objectContaining({ id: 'r2', title: 'Large' }) }],
    ['button', { type: 'button', payload: 'CONFIRM', text: 'Confirm order' }, { payload: 'CONFIRM', text: 'Confirm order' }],
    ['reaction', { type: 'reaction', messageId: 'wamid.HBgLMTIzNDU2Nzg5MBUCABEYEjQ1', emoji: '👍' }, { emoji: '👍' }],
  ] as const)('stores a %s message with its content, creating the contact as a lead', async (storedType, input, content) => {
    const waId = customerWaId();
    const result = await app.meta.customer(phoneNumberId).send({ waId, name: 'Meera' }, input as never);
    expect(result.delivery.status).toBe(200);
    const [message] = await eventually(async () => {
      const rows = await messagesFrom(waId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(message).toMatchObject({ type: storedType, status: 'received', wa_message_id: result.wamid });
    expect(message.content).toMatchObject(content);
    const contact = await app.db.system('contacts').where({ id: message.contact_id }).first();
    expect(contact).toMatchObject({ profile_name: 'Meera', source: 'inbound', lead_status: 'new', phone_last4: waId.slice(-4) });
    expect(contact!.phone_ciphertext).not.toContain(waId);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const waId = customerWaId();
    const envelope = (await app.meta.customer(phoneNumberId).send(waId, 'first')).payload as { entry: { changes: { value: { messages: { id: string }[] } }[] }[] };
    envelope.entry[0].changes[0].value.messages[0].id = 'wamid.forged000000000000000';
    for (const signature of ['bad', 'none', 'sha256=deadbeef']) {
      const delivery = await app.meta.customer(phoneNumberId).sendRaw(envelope, { signature });
      expect(delivery.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await messagesFrom(waId)).map((m) => m.wa_message_id)).not.toContain('wamid.forged000000000000000');
  });

  it('the same webhook delivered twice stores one message', async () => {
    const waId = customerWaId();
    const sent = await app.meta.customer(phoneNumberId).send(waId, 'hello twice');
    const again = await app.meta.redeliver(sent.delivery.id);
    expect(again.status).toBe(200);
    await eventually(async () => expect(await messagesFrom(waId)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 500));
    expect(await messagesFrom(waId)).toHaveLength(1);
  });

  it('acknowledges a number no workspace owns, and counts it', async () => {
    const stranger = app.meta.createAccount();
    const delivery = await app.meta.customer(stranger.phoneNumberId).send(customerWaId(), 'anyone?');
    expect(delivery.delivery.status).toBe(200);
    const metrics = await request(app.url).get('/metrics');
    expect(metrics.text).toMatch(/aerostic_meta_webhook_unknown_number_total [1-9]/);
  });

  it('answers Meta’s verification handshake only with the right token', async () => {
    const ok = await app.meta.verifyWebhook(app.config.meta.webhookVerifyToken);
    expect(ok).toMatchObject({ ok: true, status: 200 });
    const wrong = await request(app.url).get('/webhooks/meta').query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '123' });
    expect(wrong.status).toBe(403);
  });

  it('400 for a signed body that is not JSON', async () => {
    const delivery = await app.meta.customer(phoneNumberId).sendRaw('{"object": "whatsapp_business_account", ', { signature: 'valid' });
    expect(delivery.status).toBe(400);
  });
});
