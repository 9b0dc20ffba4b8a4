import { startMetaSimulator, signMetaBody, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_SECRET = 'status-secret';
let sim: MetaSimulator;
let receiver: WebhookReceiver;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: '222', appSecret: APP_SECRET, webhookUrl: receiver.url, statuses: { delayMs: 5 } });
  call = graphClient(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
afterEach(() => sim.idle());
beforeEach(() => {
  sim.reset({ all: true });
  sim.setStatusBehaviour({ upTo: 'read', order: 'normal', sentBeforeResponse: false, delayMs: 5 });
  receiver.received.length = 0;
  receiver.respondWith(200);
  account = sim.createAccount();
});

const sendText = async (extra: Record<string, unknown> = {}) => {
  const res = await call('POST', `${account.phoneNumberId}/messages`, {
    token: account.token,
    json: { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' }, ...extra },
  });
  expect(res.status).toBe(200);
  return res.json.messages[0].id as string;
};
const statusesOf = (hooks: { json: any }[]) => hooks.flatMap((h) => h.json.entry[0].changes[0].value.statuses);

describe('status webhooks', () => {
  it('delivers sent → delivered → read, signed, in order, in the whatsapp_business_account envelope', async () => {
    const wamid = await sendText({ biz_opaque_callback_data: 'campaign=42' });
    const hooks = await receiver.waitForCount(3);
    await sim.idle();
    for (const hook of hooks) {
      expect(hook.signatureValid).toBe(true);
      expect(hook.headers['x-hub-signature-256']).toBe(signMetaBody(hook.raw, APP_SECRET));
      expect(hook.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.json).toMatchObject({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: account.wabaId,
            changes: [
              {
                field: 'messages',
                value: { messaging_product: 'whatsapp', metadata: { display_phone_number: account.displayPhoneNumber, phone_number_id: account.phoneNumberId } },
              },
            ],
          },
        ],
      });
    }
    const [sent, delivered, read] = statusesOf(hooks);
    expect([sent.status, delivered.status, read.status]).toEqual(['sent', 'delivered', 'read']);
    for (const s of [sent, delivered, read])
      expect(s).toMatchObject({
        id: wamid,
        recipient_id: '16505551234',
        timestamp: expect.stringMatching(/^\d{10}$/),
        biz_opaque_callback_data: 'campaign=42',
        pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      });
    expect(sent.conversation).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), expiration_timestamp: expect.stringMatching(/^\d+$/), origin: { type: 'service' } });
    expect(delivered.conversation).toEqual({ id: sent.conversation.id, origin: { type: 'service' } });
    expect(read.conversation).toBeUndefined();
    expect(sim.webhookDeliveries({ kind: 'status' }).map((d) => d.status)).toEqual([200, 200, 200]);
  });

  it('bills templates by their category', async () => {
    await call('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: { messaging_product: 'whatsapp', to: '16505551234', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    const [hook] = await receiver.waitForCount(1);
    expect(statusesOf([hook])[0].pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('omits conversation from v24.0', async () => {
    await graphClient(sim.url, 'v24.0')('POST', `${account.phoneNumberId}/messages`, {
      token: account.token,
      json: { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' } },
    });
    const [hook] = await receiver.waitForCount(1);
    expect(statusesOf([hook])[0].conversation).toBeUndefined();
  });

  it('can deliver statuses in reverse order, and on demand', async () => {
    sim.setStatusBehaviour({ order: 'reverse' });
    const wamid = await sendText();
    await receiver.waitForCount(3);
    expect(statusesOf(receiver.received).map((s) => s.status)).toEqual(['read', 'delivered', 'sent']);
    await sim.emitStatus(wamid, 'delivered');
    expect(statusesOf(receiver.received).map((s) => s.status)).toEqual(['read', 'delivered', 'sent', 'delivered']);
    const batch = await sim.emitStatusBatch([
      { wamid, status: 'sent' },
      { wamid, status: 'read' },
    ]);
    expect(batch.status).toBe(200);
    expect((batch.body as any).entry[0].changes[0].value.statuses.map((s: any) => s.status)).toEqual(['sent', 'read']);
  });

  it('can deliver the sent status before answering the send', async () => {
    sim.setStatusBehaviour({ sentBeforeResponse: true, upTo: 'sent' });
    await sendText();
    expect(receiver.received).toHaveLength(1);
  });

  it('sends a failed status with errors[] for an emitted failure', async () => {
    sim.setStatusBehaviour({ upTo: 'none' });
    const wamid = await sendText();
    const delivery = await sim.emitStatus(wamid, 'failed', { errorCode: 131026 });
    const status = (delivery.body as any).entry[0].changes[0].value.statuses[0];
    expect(status).toEqual({
      id: wamid,
      status: 'failed',
      timestamp: expect.any(String),
      recipient_id: '16505551234',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          error_data: { details: expect.any(String) },
          href: expect.stringContaining('error-codes'),
        },
      ],
    });
  });

  it('records the status code the app answered with', async () => {
    receiver.respondWith(500);
    sim.setStatusBehaviour({ upTo: 'sent' });
    await sendText();
    await sim.idle();
    expect(sim.webhookDeliveries()).toEqual([expect.objectContaining({ kind: 'status', status: 500, attempts: 1 })]);
  });

  it('delivers nothing for a WABA the app has not subscribed to', async () => {
    const unsubscribed = sim.createAccount({ subscribed: false });
    await call('POST', `${unsubscribed.phoneNumberId}/messages`, { token: unsubscribed.token, json: { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' } } });
    await sim.idle();
    expect(receiver.received).toHaveLength(0);
    expect(sim.webhookDeliveries()[0].skipped).toMatch(/not subscribed/);
  });

  it('fails a free-form send outside the 24 h window when enforcement is on', async () => {
    const strict = await startMetaSimulator({ appId: '223', appSecret: APP_SECRET, webhookUrl: receiver.url, enforceCustomerServiceWindow: true, statuses: { delayMs: 1 } });
    try {
      const acct = strict.createAccount();
      const strictCall = graphClient(strict.url);
      const first = await strictCall('POST', `${acct.phoneNumberId}/messages`, {
        token: acct.token,
        json: { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' } },
      });
      expect(first.status).toBe(200);
      await strict.idle();
      expect(statusesOf(receiver.received)).toEqual([expect.objectContaining({ status: 'failed', errors: [expect.objectContaining({ code: 131047 })] })]);
      await strict.customer(acct.phoneNumberId).send('16505551234', 'hello');
      receiver.received.length = 0;
      await strictCall('POST', `${acct.phoneNumberId}/messages`, { token: acct.token, json: { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi again' } } });
      await strict.idle();
      expect(statusesOf(receiver.received).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    } finally {
      await strict.stop();
    }
  });
});
