import Razorpay from 'razorpay';
import { signWebhookBody, startRazorpaySimulator, type RazorpaySimulator } from './index';
import { razorpayAt, startWebhookReceiver } from './test-helpers';

const KEY_ID = 'rzp_test_simulator';
const KEY_SECRET = 'simulator-key-secret';
const WEBHOOK_SECRET = 'simulator-webhook-secret';

describe('Razorpay simulator webhooks', () => {
  let sim: RazorpaySimulator;
  let rzp: Razorpay;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let answer = 200;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => answer);
    sim = await startRazorpaySimulator({ keyId: KEY_ID, keySecret: KEY_SECRET, webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url });
    rzp = razorpayAt(sim.url, KEY_ID, KEY_SECRET);
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });
  beforeEach(() => {
    answer = 200;
    receiver.clear();
  });

  async function newSubscription(totalCount = 12) {
    const plan = await rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Growth', amount: 249900, currency: 'INR' } });
    return rzp.subscriptions.create({ plan_id: plan.id, total_count: totalCount, notes: { tenant_id: 't-42' } });
  }

  const statuses = () => receiver.received.map((w) => w.body.payload.subscription?.entity.status);

  it('pay() sends authenticated, activated, charged, payment.captured in that order, each signed over the raw body', async () => {
    const sub = await newSubscription();
    await sim.pay(sub.id);

    expect(receiver.events()).toEqual(['subscription.authenticated', 'subscription.activated', 'subscription.charged', 'payment.captured']);
    expect(statuses()).toEqual(['authenticated', 'active', 'active', undefined]);
    for (const hook of receiver.received) {
      expect(Razorpay.validateWebhookSignature(hook.rawBody, hook.signature, WEBHOOK_SECRET)).toBe(true);
      expect(hook.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(hook.contentType).toMatch(/^application\/json/);
      expect(hook.eventId).toMatch(/^[A-Za-z0-9]{14}$/);
      expect(hook.body).toMatchObject({ entity: 'event', account_id: expect.stringMatching(/^acc_[A-Za-z0-9]{14}$/), event: hook.event });
      expect(Math.abs(hook.body.created_at - Date.now() / 1000)).toBeLessThan(5);
    }
    expect(new Set(receiver.received.map((w) => w.eventId)).size).toBe(4);

    const charged = receiver.received[2].body;
    expect(charged.contains).toEqual(['subscription', 'payment']);
    expect(charged.payload.subscription?.entity).toMatchObject({ id: sub.id, paid_count: 1, remaining_count: 11, notes: { tenant_id: 't-42' } });
    // Razorpay's own sample has the string "1" here; integrations must not assume a boolean.
    expect(charged.payload.payment?.entity).toMatchObject({ status: 'captured', captured: '1', amount: 249900, currency: 'INR', method: 'card' });
    expect(receiver.received[3].body.contains).toEqual(['payment']);
    expect(receiver.received[3].body.payload.payment?.entity).toMatchObject({ id: charged.payload.payment?.entity.id, captured: true });
  });

  it('failRenewalUntilHalted() retries three times then halts; paying clears it', async () => {
    const sub = await newSubscription();
    await sim.pay(sub.id);
    receiver.clear();

    await sim.failRenewalUntilHalted(sub.id);
    expect(receiver.events()).toEqual([
      'payment.failed',
      'subscription.pending',
      'payment.failed',
      'subscription.pending',
      'payment.failed',
      'subscription.pending',
      'payment.failed',
      'subscription.halted',
    ]);
    expect(receiver.received.filter((w) => w.event.startsWith('subscription.')).map((w) => w.body.payload.subscription?.entity.auth_attempts)).toEqual([1, 2, 3, 4]);
    expect(receiver.received[0].body.payload.payment?.entity).toMatchObject({ status: 'failed', error_code: 'BAD_REQUEST_ERROR', captured: false });
    expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('halted');

    receiver.clear();
    await sim.pay(sub.id);
    expect(receiver.events()).toEqual(['subscription.activated', 'subscription.charged', 'payment.captured']);
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'active', paid_count: 2, auth_attempts: 0 });
  });

  it('failPayment() at checkout sends only payment.failed and leaves the subscription created', async () => {
    const sub = await newSubscription();
    await sim.failPayment(sub.id);
    expect(receiver.events()).toEqual(['payment.failed']);
    expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('created');
  });

  it('chargeNextCycle() sends charged + payment.captured, and completed after the last cycle', async () => {
    const sub = await newSubscription(2);
    await sim.pay(sub.id);
    receiver.clear();
    await sim.chargeNextCycle(sub.id);
    expect(receiver.events()).toEqual(['subscription.charged', 'payment.captured', 'subscription.completed']);
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'completed', paid_count: 2, remaining_count: 0 });
  });

  it('sends the webhooks of API calls after answering them', async () => {
    const sub = await newSubscription();
    await sim.pay(sub.id);
    receiver.clear();
    await rzp.subscriptions.pause(sub.id, { pause_at: 'now' });
    await rzp.subscriptions.resume(sub.id, { resume_at: 'now' });
    await rzp.subscriptions.cancel(sub.id);
    await sim.idle();
    expect(receiver.events()).toEqual(['subscription.paused', 'subscription.resumed', 'subscription.cancelled']);
    expect(statuses()).toEqual(['paused', 'active', 'cancelled']);
  });

  it('sendEvent() replays an event id and sends events out of order without changing state', async () => {
    const sub = await newSubscription();
    await sim.pay(sub.id);
    receiver.clear();

    const first = await sim.sendEvent(sub.id, 'subscription.charged', { eventId: 'evtReplay00001' });
    const second = await sim.sendEvent(sub.id, 'subscription.charged', { eventId: 'evtReplay00001' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(receiver.received.map((w) => w.eventId)).toEqual(['evtReplay00001', 'evtReplay00001']);

    await sim.sendEvent(sub.id, 'subscription.halted');
    expect(receiver.received[2].body.payload.subscription?.entity.status).toBe('halted');
    expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('active');

    const redelivered = await sim.redeliver(receiver.received[0].eventId);
    expect(redelivered.status).toBe(200);
    expect(receiver.received[3].rawBody).toBe(receiver.received[0].rawBody);
  });

  it('records each delivery with its status and does not retry by default', async () => {
    const sub = await newSubscription();
    answer = 500;
    const before = sim.deliveries().length;
    const { status } = await sim.sendEvent(sub.id, 'subscription.cancelled');
    expect(status).toBe(500);
    const log = sim.deliveries().slice(before);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ event: 'subscription.cancelled', status: 500, attempt: 1 });
    expect(JSON.parse(log[0].body).event).toBe('subscription.cancelled');
  });

  it('retries a non-2xx answer when asked to, and records 0 when nobody listens', async () => {
    const retrying = await startRazorpaySimulator({
      keyId: KEY_ID,
      keySecret: KEY_SECRET,
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: receiver.url,
      webhookRetries: 2,
      webhookRetryDelayMs: 10,
    });
    try {
      const client = razorpayAt(retrying.url, KEY_ID, KEY_SECRET);
      const plan = await client.plans.create({ period: 'monthly', interval: 1, item: { name: 'Starter', amount: 99900, currency: 'INR' } });
      const sub = await client.subscriptions.create({ plan_id: plan.id, total_count: 12 });
      answer = 503;
      await retrying.sendEvent(sub.id, 'subscription.activated');
      expect(retrying.deliveries().map((d) => [d.attempt, d.status])).toEqual([
        [1, 503],
        [2, 503],
        [3, 503],
      ]);
      expect(new Set(receiver.received.map((w) => w.eventId)).size).toBe(1);

      retrying.setWebhookUrl('http://127.0.0.1:9/nobody');
      await retrying.sendEvent(sub.id, 'subscription.activated');
      expect(retrying.deliveries().at(-1)?.status).toBe(0);
    } finally {
      await retrying.stop();
    }
  });

  it('signWebhookBody() matches the SDK check, and a tampered body fails it', () => {
    const body = '{"entity":"event","event":"subscription.charged"}';
    const signature = signWebhookBody(body, WEBHOOK_SECRET);
    expect(Razorpay.validateWebhookSignature(body, signature, WEBHOOK_SECRET)).toBe(true);
    expect(signWebhookBody(Buffer.from(body), WEBHOOK_SECRET)).toBe(signature);
    expect(Razorpay.validateWebhookSignature(body.replace('charged', 'halted'), signature, WEBHOOK_SECRET)).toBe(false);
  });
});
