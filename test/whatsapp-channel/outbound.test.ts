import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { phoneBlindIndex } from '../../db/contacts/phone-identity';

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
  app.meta.setStatusBehaviour({ upTo: 'read', order: 'normal' });
});
afterAll(async () => {
  await app?.stop();
});

const send = (body: object, token = tenant.accessToken) => request(app.url).post('/messages/send').set(bearer(token)).send(body);
const message = async (id: string) => (await app.db.system('messages').where({ id }).first())!;
/** A customer who has just written, so the 24-hour window is open. */
async function customerWhoWrote(): Promise<string> {
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send({ waId, name: 'Kiran' }, 'Hi there');
  await eventually(async () => {
    const contact = await app.db
      .system('contacts')
      .where({ tenant_id: tenant.tenant.id, phone_blind_index: phoneBlindIndex(app.config, tenant.tenant.id, `+${waId}`) })
      .first('id');
    expect(
      await app.db
        .system('conversations')
        .where({ contact_id: contact?.id ?? '00000000-0000-0000-0000-000000000000' })
        .whereNotNull('last_inbound_at')
        .first(),
    ).toBeDefined();
  });
  return `+${waId}`;
}

describe('sending through the dispatcher', () => {
  it('queues at once, sends once, and follows statuses to read', async () => {
    const to = await customerWhoWrote();
    const res = await send({ to, type: 'text', text: { body: 'Yes, in blue too' } }).expect(202);
    expect(res.body).toEqual({ messageId: expect.any(String), status: 'queued', conversationId: expect.any(String) });
    const read = await eventually(async () => {
      const row = await message(res.body.messageId);
      expect(row.status).toBe('read');
      return row;
    });
    expect(read.wa_message_id).toMatch(/^wamid\./);
    const sent = app.meta.sent({ to: to.slice(1) });
    expect(sent).toHaveLength(1);
    expect(sent[0].bizOpaqueCallbackData).toBe(res.body.messageId);
    const usage = await app.db.system('usage_events').where({ tenant_id: tenant.tenant.id, kind: 'message_outbound', idempotency_key: res.body.messageId });
    expect(usage).toHaveLength(1);
  });

  it('422 window_closed for free-form text outside the 24-hour window; a template is allowed', async () => {
    const to = `+${customerWaId()}`;
    const closed = await send({ to, type: 'text', text: { body: 'hello' } }).expect(422);
    expect(closed.body.error).toMatchObject({ code: 'window_closed', message: expect.stringContaining('template') });
    const template = await send({ to, type: 'template', template: { name: 'hello_world', language: 'en_US' } }).expect(202);
    await eventually(async () => expect((await message(template.body.messageId)).status).toBe('read'));
  });

  it('STOP opts the contact out with a confirmation; sends are refused with 422; START opts back in', async () => {
    const to = await customerWhoWrote();
    await app.meta.customer(phoneNumberId).send(to.slice(1), 'STOP');
    await eventually(async () => expect(app.meta.sent({ to: to.slice(1) }).some((m) => m.preview.text?.includes('unsubscribed'))).toBe(true));
    const refused = await send({ to, type: 'text', text: { body: 'promo!' } }).expect(422);
    expect(refused.body.error.code).toBe('contact_opted_out');
    await app.meta.customer(phoneNumberId).send(to.slice(1), 'START');
    await eventually(async () => expect(app.meta.sent({ to: to.slice(1) }).some((m) => m.preview.text?.includes('subscribed again'))).toBe(true));
    await send({ to, type: 'text', text: { body: 'welcome back' } }).expect(202);
  });

  it('statuses out of order end at read: a late sent never overwrites it', async () => {
    app.meta.setStatusBehaviour({ order: 'reverse' });
    const to = await customerWhoWrote();
    const res = await send({ to, type: 'text', text: { body: 'order check' } }).expect(202);
    await app.meta.idle();
    await eventually(async () => {
      const row = await message(res.body.messageId);
      expect(row.status).toBe('read');
      expect(row.read_at).toBeInstanceOf(Date);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await message(res.body.messageId)).status).toBe('read');
  });

  it('Meta 500 twice, then success: one message at Meta, delivered', async () => {
    const to = await customerWhoWrote();
    app.meta.injectFault({ kind: 'http', status: 500, times: 2, operation: 'messages', phoneNumberId });
    const res = await send({ to, type: 'text', text: { body: 'third time lucky' } }).expect(202);
    await eventually(async () => expect((await message(res.body.messageId)).status).toBe('read'), 30_000);
    expect(app.meta.sent({ to: to.slice(1) })).toHaveLength(1);
  });

  it('429 with Retry-After is honoured before the retry', async () => {
    const to = await customerWhoWrote();
    app.meta.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 2, times: 1, operation: 'messages', phoneNumberId });
    const res = await send({ to, type: 'text', text: { body: 'patience' } }).expect(202);
    await eventually(async () => expect((await message(res.body.messageId)).status).toBe('read'), 30_000);
    const attempts = app.meta.requests().filter((r) => r.operation === 'messages' && r.path.includes(phoneNumberId));
    const limited = attempts.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(attempts[limited + 1].at - attempts[limited].at).toBeGreaterThanOrEqual(1900);
  });

  it('131047 fails the message with Meta’s code and an explanation, without retrying', async () => {
    const to = await customerWhoWrote();
    app.meta.injectFault({ kind: 'meta-error', code: 131047, async: false, times: 1, operation: 'messages', phoneNumberId });
    const before = app.meta.requests().length;
    const res = await send({ to, type: 'text', text: { body: 'too late' } }).expect(202);
    const failed = await eventually(async () => {
      const row = await message(res.body.messageId);
      expect(row.status).toBe('failed');
      return row;
    });
    expect(failed).toMatchObject({ error_code: '131047', error_detail: expect.stringMatching(/24 hours/) });
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      app.meta
        .requests()
        .slice(before)
        .filter((r) => r.operation === 'messages'),
    ).toHaveLength(1);
  });

  it('tenant B cannot send from tenant A’s number', async () => {
    const other = await registerTenant(app.url);
    const waId = customerWaId();
    const template = { to: `+${waId}`, type: 'template', template: { name: 'hello_world', language: 'en_US' } };
    const res = await send({ ...template, phoneNumberId }, other.accessToken).expect(404);
    expect(res.body.error.code).toBe('not_found');
    const none = await send(template, other.accessToken).expect(422);
    expect(none.body.error.code).toBe('no_whatsapp_number');
    // A's own send to the same customer goes out; once Meta has it, B's would have gone out before it.
    const own = await send({ ...template, phoneNumberId }).expect(202);
    await eventually(async () => expect(app.meta.sent({ to: waId }).map((m) => m.bizOpaqueCallbackData)).toContain(own.body.messageId));
    expect(app.meta.sent({ to: waId }).map((m) => m.bizOpaqueCallbackData)).toEqual([own.body.messageId]);
    expect(await app.db.system('messages').where({ tenant_id: other.tenant.id })).toEqual([]);
    expect(await app.db.system('contacts').where({ tenant_id: other.tenant.id })).toEqual([]);
  });

  it('400 naming the field for a bad send request', async () => {
    const res = await send({ to: '12345', type: 'text', text: { body: '' } }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['to']));
  });
});
