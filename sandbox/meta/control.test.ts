import { startMetaSimulator, type MetaSimulator } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_SECRET = 'control-secret';
let sim: MetaSimulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: '666', appSecret: APP_SECRET, statuses: { upTo: 'none' } });
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
afterEach(() => sim.idle());
beforeEach(() => sim.reset({ all: true }));

const control = async (method: string, path: string, body?: unknown) => {
  const headers: Record<string, string> = { 'x-sandbox-control-token': sim.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const res = await fetch(`${sim.url}/_sim${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};

describe('/_sim control API', () => {
  it('creates accounts, posts inbound messages as a customer, and lists what the business sent', async () => {
    await control('PUT', '/webhook-url', { url: receiver.url });
    const account = (await control('POST', '/accounts', { verifiedName: 'Chai Point' })).json;
    expect(account).toMatchObject({ phoneNumberId: expect.any(String), wabaId: expect.any(String), token: expect.any(String), registered: true, subscribed: true });

    const inbound = await control('POST', '/inbound', { phoneNumberId: account.phoneNumberId, from: '919800000001', name: 'Ravi', message: 'Menu please' });
    expect(inbound.json).toMatchObject({ wamid: expect.stringMatching(/^wamid\./), delivery: { status: 200 } });
    const image = await control('POST', '/inbound', {
      phoneNumberId: account.phoneNumberId,
      from: '919800000001',
      message: { type: 'image', caption: 'this one', mimeType: 'image/png', dataBase64: Buffer.from('png-bytes').toString('base64') },
    });
    expect(image.status).toBe(200);
    expect(receiver.received.map((r) => r.json.entry[0].changes[0].value.messages[0].type)).toEqual(['text', 'image']);
    expect(receiver.received[0].json.entry[0].changes[0].value.contacts[0].profile.name).toBe('Ravi');

    await graphClient(sim.url)('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: { messaging_product: 'whatsapp', to: '+91 98000 00001', text: { body: 'Here it is' } },
    });
    const sent = await control('GET', '/sent?to=919800000001');
    expect(sent.json.data).toEqual([expect.objectContaining({ waId: '919800000001', preview: { text: 'Here it is' } })]);

    const emitted = await control('POST', '/statuses', { wamid: sent.json.data[0].wamid, status: 'delivered' });
    expect(emitted.json).toMatchObject({ kind: 'status', status: 200 });
    const again = await control('POST', '/webhooks/redeliver', { deliveryId: inbound.json.delivery.id });
    expect(again.json).toMatchObject({ redeliveryOf: inbound.json.delivery.id, status: 200 });
    const raw = await control('POST', '/webhooks/raw', { body: '{}', signature: 'bad' });
    expect(raw.json.signature).toMatch(/^sha256=/);

    expect((await control('GET', '/deliveries?kind=message')).json.data).toHaveLength(3);
    expect((await control('GET', '/requests')).json.data).toEqual([expect.objectContaining({ operation: 'messages', status: 200 })]);

    await control('POST', '/reset', {});
    expect((await control('GET', '/sent')).json.data).toEqual([]);
    expect((await control('GET', '/accounts')).json.data).toHaveLength(1);
    await control('POST', '/reset', { all: true });
    expect((await control('GET', '/accounts')).json.data).toHaveLength(0);
  });

  it('answers validation problems with 400 and a message', async () => {
    const bad = await control('POST', '/inbound', { phoneNumberId: 'x', from: '1', message: { type: 'text' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toEqual(expect.any(String));
  });

  it('registers and expires tokens, and tunes status behaviour', async () => {
    const account = (await control('POST', '/accounts', {})).json;
    const { token } = (await control('POST', '/tokens', { wabaIds: [account.wabaId] })).json;
    const call = graphClient(sim.url);
    expect((await call('GET', account.phoneNumberId, { token })).status).toBe(200);
    await control('POST', '/tokens/expire', { token });
    expect((await call('GET', account.phoneNumberId, { token })).json.error.error_subcode).toBe(463);
    expect((await control('PUT', '/status-behaviour', { upTo: 'delivered', delayMs: 1 })).status).toBe(200);
  });
});
