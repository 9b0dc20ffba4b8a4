import { createHash } from 'node:crypto';
import { startMetaSimulator, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_SECRET = 'media-secret';
let sim: MetaSimulator;
let receiver: WebhookReceiver;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: '555', appSecret: APP_SECRET, webhookUrl: receiver.url, templateReviewMs: 20, statuses: { upTo: 'none', delayMs: 1 } });
  call = graphClient(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
afterEach(() => sim.idle());
beforeEach(() => {
  sim.reset({ all: true });
  receiver.received.length = 0;
  account = sim.createAccount();
});

function uploadForm(bytes: Buffer, type: string, filename: string, product = 'whatsapp'): FormData {
  const form = new FormData();
  form.append('messaging_product', product);
  form.append('type', type);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

describe('media', () => {
  it('uploads multipart, describes it, serves it to the token holder, and deletes it', async () => {
    const bytes = Buffer.from('%PDF-1.4 quote');
    const upload = await call('POST', `${account.phoneNumberId}/media`, { token: account.token, form: uploadForm(bytes, 'application/pdf', 'quote.pdf') });
    expect(upload.json).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const id = upload.json.id;

    const info = await call('GET', id, { token: account.token, query: { phone_number_id: account.phoneNumberId } });
    expect(info.json).toEqual({
      messaging_product: 'whatsapp',
      url: expect.any(String),
      mime_type: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      file_size: bytes.length,
      id,
    });
    const download = await fetch(info.json.url, { headers: { authorization: `Bearer ${account.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const stranger = sim.createAccount();
    expect((await fetch(info.json.url, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);

    const send = await call('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: { messaging_product: 'whatsapp', to: '16505551234', type: 'document', document: { id, filename: 'quote.pdf' } },
    });
    expect(send.status).toBe(200);

    expect((await call('DELETE', id, { token: account.token })).json).toEqual({ success: true });
    expect((await call('GET', id, { token: account.token })).json.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('rejects uploads without messaging_product or with an unsupported type', async () => {
    expect((await call('POST', `${account.phoneNumberId}/media`, { token: account.token, form: uploadForm(Buffer.from('x'), 'image/png', 'a.png', 'sms') })).json.error.code).toBe(
      100,
    );
    expect(
      (await call('POST', `${account.phoneNumberId}/media`, { token: account.token, form: uploadForm(Buffer.from('x'), 'application/x-msdownload', 'a.exe') })).json.error.code,
    ).toBe(100);
  });

  it('fails a send with an unknown media id asynchronously with 131053', async () => {
    const res = await call('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: { messaging_product: 'whatsapp', to: '16505551234', type: 'image', image: { id: '123456789012345' } },
    });
    expect(res.status).toBe(200);
    await sim.idle();
    expect(receiver.received[0].json.entry[0].changes[0].value.statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 131053 }] });
  });
});

describe('message templates', () => {
  const create = (json: unknown) => call('POST', `${account.wabaId}/message_templates`, { token: account.token, json });
  const body = (name: string) => ({ name, language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Asha']] } }] });

  it('creates PENDING, then APPROVED with a message_template_status_update webhook', async () => {
    const res = await create(body('diwali_offer'));
    expect(res.json).toEqual({ id: expect.any(String), status: 'PENDING', category: 'MARKETING' });
    await sim.idle();
    const [hook] = receiver.received;
    expect(hook.signatureValid).toBe(true);
    expect(hook.json).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: account.wabaId,
          time: expect.any(Number),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: Number(res.json.id),
                message_template_name: 'diwali_offer',
                message_template_language: 'en_US',
                reason: 'NONE',
                message_template_category: 'MARKETING',
              },
            },
          ],
        },
      ],
    });
    const list = await call('GET', `${account.wabaId}/message_templates`, { token: account.token, query: { name: 'diwali_offer' } });
    expect(list.json.data).toEqual([expect.objectContaining({ id: res.json.id, status: 'APPROVED', components: [expect.objectContaining({ type: 'BODY' })] })]);
  });

  it('accepts a form-encoded create with components as a JSON string', async () => {
    const form = new URLSearchParams({ name: 'form_made', language: 'en_US', category: 'utility', components: JSON.stringify([{ type: 'body', text: 'Plain text' }]) });
    const res = await fetch(`${sim.url}/v21.0/${account.wabaId}/message_templates`, { method: 'POST', headers: { authorization: `Bearer ${account.token}` }, body: form });
    expect(await res.json()).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
  });

  it('rejects names containing "reject"', async () => {
    const res = await create(body('please_reject_me'));
    await sim.idle();
    expect(receiver.received[0].json.entry[0].changes[0].value).toMatchObject({ event: 'REJECTED', reason: 'INVALID_FORMAT', message_template_id: Number(res.json.id) });
    const node = await call('GET', res.json.id, { token: account.token });
    expect(node.json).toMatchObject({ status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' });
  });

  it('refuses duplicates, bad names, and variables without examples', async () => {
    await create(body('dup'));
    expect((await create(body('dup'))).json.error).toMatchObject({ code: 100, error_subcode: 2388024, error_user_title: 'Message template already exists' });
    expect((await create(body('Bad Name'))).json.error.code).toBe(100);
    expect((await create({ name: 'no_example', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}' }] })).json.error).toMatchObject({
      code: 100,
      error_subcode: 2388043,
    });
  });

  it('pages the list with Graph cursors and deletes by name', async () => {
    for (const name of ['a_one', 'a_two', 'a_three']) await create(body(name));
    const first = await call('GET', `${account.wabaId}/message_templates`, { token: account.token, query: { limit: '2', fields: 'name,status' } });
    expect(first.json.data).toHaveLength(2);
    expect(Object.keys(first.json.data[0]).sort()).toEqual(['id', 'name', 'status']);
    expect(first.json.paging).toEqual({ cursors: { before: expect.any(String), after: expect.any(String) }, next: expect.stringContaining('after=') });
    const second = await call('GET', first.json.paging.next, { token: account.token });
    expect(second.json.data).toHaveLength(2); // a_one and the seeded hello_world
    expect((await call('DELETE', `${account.wabaId}/message_templates`, { token: account.token, query: { name: 'a_two' } })).json).toEqual({ success: true });
  });

  it('sets any status on demand (e.g. PAUSED) with its webhook', async () => {
    const res = await create(body('paused_one'));
    await sim.idle();
    receiver.received.length = 0;
    const delivery = await sim.setTemplateStatus(res.json.id, 'PAUSED');
    expect(delivery?.status).toBe(200);
    expect(receiver.received[0].json.entry[0].changes[0].value.event).toBe('PAUSED');
  });
});
