import { createHmac } from 'node:crypto';
import { startMetaSimulator, signMetaBody, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_SECRET = 'inbound-secret';
let sim: MetaSimulator;
let receiver: WebhookReceiver;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: '333', appSecret: APP_SECRET, webhookUrl: receiver.url, statuses: { upTo: 'none' } });
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
  account = sim.createAccount({ displayPhoneNumber: '15550783881', verifiedName: 'Lucky Shrub' });
});

const customer = { waId: '16505551234', name: 'Sheena Nelson' };
const valueOf = (payload: any) => payload.entry[0].changes[0].value;

describe('inbound message webhooks', () => {
  it('posts a signed text message in the exact envelope, with the profile name', async () => {
    const result = await sim.customer(account.phoneNumberId).send(customer, 'Does it come in another color?');
    expect(result.delivery).toMatchObject({ status: 200, kind: 'message', attempts: 1 });
    const [hook] = receiver.received;
    expect(hook.signatureValid).toBe(true);
    expect(hook.json).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: account.wabaId,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: account.phoneNumberId },
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [{ from: '16505551234', id: result.wamid, timestamp: expect.stringMatching(/^\d{10}$/), type: 'text', text: { body: 'Does it come in another color?' } }],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
  });

  it('escapes non-ASCII and slashes like Meta, so only raw-byte verification works', async () => {
    await sim.customer(account.phoneNumberId).send(customer, { type: 'text', body: 'Olá 👍 a/b' });
    const [hook] = receiver.received;
    expect(hook.raw.toString()).toContain('"Ol\\u00e1 \\ud83d\\udc4d a\\/b"');
    expect(valueOf(hook.json).messages[0].text.body).toBe('Olá 👍 a/b');
    expect(signMetaBody(JSON.stringify(hook.json), APP_SECRET)).not.toBe(hook.headers['x-hub-signature-256']);
  });

  it.each(['image', 'video', 'audio', 'document', 'sticker'] as const)('posts %s with a media id the app can fetch and download', async (type) => {
    const result = await sim
      .customer(account.phoneNumberId)
      .send(customer, { type, caption: type === 'image' ? 'Look' : undefined, filename: type === 'document' ? 'quote.pdf' : undefined });
    const message = valueOf(result.payload).messages[0];
    expect(message.type).toBe(type);
    const media = message[type];
    expect(media).toMatchObject({ id: expect.stringMatching(/^\d+$/), mime_type: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    if (type === 'image') expect(media.caption).toBe('Look');
    if (type === 'document') expect(media.filename).toBe('quote.pdf');
    if (type === 'sticker') expect(media.animated).toBe(false);

    const info = await call('GET', media.id, { token: account.token });
    expect(info.json).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringContaining('/whatsapp_business/attachments/?mid='),
      mime_type: media.mime_type,
      sha256: media.sha256,
      file_size: expect.any(Number),
      id: media.id,
    });
    const download = await fetch(info.json.url, { headers: { authorization: `Bearer ${account.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain(media.mime_type.split(';')[0]);
    expect((await download.arrayBuffer()).byteLength).toBe(info.json.file_size);
    expect((await fetch(info.json.url)).status).toBe(401);
  });

  it('posts location and contacts', async () => {
    const c = sim.customer(account.phoneNumberId);
    const location = await c.send(customer, { type: 'location', latitude: 37.44, longitude: -122.16, name: 'Philz Coffee', address: '101 Forest Ave' });
    expect(valueOf(location.payload).messages[0]).toMatchObject({
      type: 'location',
      location: { latitude: 37.44, longitude: -122.16, name: 'Philz Coffee', address: '101 Forest Ave' },
    });
    const card = { name: { formatted_name: 'Asha Rao', first_name: 'Asha' }, phones: [{ phone: '+91 98000 00000', wa_id: '919800000000', type: 'CELL' }] };
    const contacts = await c.send(customer, { type: 'contacts', contacts: [card] });
    expect(valueOf(contacts.payload).messages[0]).toMatchObject({ type: 'contacts', contacts: [card] });
  });

  it('posts interactive replies and template quick replies with context pointing at the business message', async () => {
    const sent = await call('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: {
        messaging_product: 'whatsapp',
        to: customer.waId,
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } },
      },
    });
    const wamid = sent.json.messages[0].id;
    const c = sim.customer(account.phoneNumberId);
    const button = await c.send(customer, { type: 'button_reply', buttonId: 'yes', title: 'Yes' });
    expect(valueOf(button.payload).messages[0]).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
      context: { from: '15550783881', id: wamid },
    });
    const list = await c.send(customer, { type: 'list_reply', rowId: 'r1', title: 'One', description: 'First', replyTo: 'wamid.LIST' });
    expect(valueOf(list.payload).messages[0]).toMatchObject({
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'One', description: 'First' } },
      context: { id: 'wamid.LIST' },
    });
    const quick = await c.send(customer, { type: 'button', payload: 'TRACK_123', text: 'Track', replyTo: 'wamid.TEMPLATE' });
    expect(valueOf(quick.payload).messages[0]).toMatchObject({
      type: 'button',
      button: { payload: 'TRACK_123', text: 'Track' },
      context: { from: '15550783881', id: 'wamid.TEMPLATE' },
    });
  });

  it('posts reactions, including a removed one without emoji, and unsupported messages', async () => {
    const c = sim.customer(account.phoneNumberId);
    const added = await c.send(customer, { type: 'reaction', messageId: 'wamid.X', emoji: '👍' });
    expect(valueOf(added.payload).messages[0].reaction).toEqual({ message_id: 'wamid.X', emoji: '👍' });
    const removed = await c.send(customer, { type: 'reaction', messageId: 'wamid.X' });
    expect(valueOf(removed.payload).messages[0].reaction).toEqual({ message_id: 'wamid.X' });
    const unsupported = await c.send(customer, { type: 'unsupported' });
    expect(valueOf(unsupported.payload).messages[0]).toMatchObject({ type: 'unsupported', errors: [{ code: 131051 }] });
  });

  it('redelivers the same bytes with the same signature', async () => {
    const first = await sim.customer(account.phoneNumberId).send(customer, 'once');
    const again = await sim.redeliver(first.delivery.id);
    expect(again).toMatchObject({ redeliveryOf: first.delivery.id, rawBody: first.delivery.rawBody, signature: first.delivery.signature, status: 200 });
    expect(receiver.received[1].raw.equals(receiver.received[0].raw)).toBe(true);
    expect(receiver.received[1].headers['x-hub-signature-256']).toBe(receiver.received[0].headers['x-hub-signature-256']);
  });

  it('posts raw, unsigned and badly signed bodies', async () => {
    const c = sim.customer(account.phoneNumberId);
    await c.sendRaw('{"object":"whatsapp_business_account","entry":[]}');
    await c.sendRaw({ object: 'whatsapp_business_account', entry: [] }, { signature: 'none' });
    await c.sendRaw('not json', { signature: 'bad' });
    await sim.postRawWebhook('x', { signature: 'sha256=deadbeef' });
    const [signed, unsigned, bad, literal] = receiver.received;
    expect(signed.signatureValid).toBe(true);
    expect(unsigned.headers['x-hub-signature-256']).toBeUndefined();
    expect(bad.signatureValid).toBe(false);
    expect(bad.raw.toString()).toBe('not json');
    expect(literal.headers['x-hub-signature-256']).toBe('sha256=deadbeef');
  });

  it("answers Meta's verification handshake check", async () => {
    const result = await sim.verifyWebhook('my-verify-token');
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received[0].url).toContain('hub.verify_token=my-verify-token');
  });

  it('signMetaBody is sha256=<lowercase hex HMAC-SHA256 of the raw bytes>', () => {
    const expected = createHmac('sha256', 'secret').update(Buffer.from('{"a":"\\u00e9"}')).digest('hex');
    expect(signMetaBody('{"a":"\\u00e9"}', 'secret')).toBe(`sha256=${expected}`);
    expect(signMetaBody(Buffer.from('{"a":"\\u00e9"}'), 'secret')).toBe(`sha256=${expected}`);
  });
});
