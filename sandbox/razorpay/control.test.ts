import { startRazorpaySimulator, type RazorpaySimulator } from './index';
import { razorpayAt, startWebhookReceiver } from './test-helpers';

const KEY_ID = 'rzp_test_simulator';
const KEY_SECRET = 'simulator-key-secret';

let controlToken = '';
const json = (method: string, body?: unknown) => ({
  method,
  headers: { 'content-type': 'application/json', 'x-sandbox-control-token': controlToken },
  body: body === undefined ? undefined : JSON.stringify(body),
});

describe('Razorpay simulator /_sim control endpoints', () => {
  let sim: RazorpaySimulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sim = await startRazorpaySimulator({ keyId: KEY_ID, keySecret: KEY_SECRET, webhookSecret: 'whsec' });
    controlToken = sim.controlToken;
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  it('sets the webhook URL, drives the lifecycle, sends single events and lists deliveries', async () => {
    expect((await fetch(`${sim.url}/_sim/webhook-url`, json('PUT', { url: receiver.url }))).status).toBe(200);
    const rzp = razorpayAt(sim.url, KEY_ID, KEY_SECRET);
    const plan = await rzp.plans.create({ period: 'yearly', interval: 1, item: { name: 'Pro yearly', amount: 3999000, currency: 'INR' } });
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 3 });

    const paid = await fetch(`${sim.url}/_sim/subscriptions/${sub.id}/pay`, json('POST'));
    expect(await paid.json()).toMatchObject({ id: sub.id, status: 'active' });
    const halted = await fetch(`${sim.url}/_sim/subscriptions/${sub.id}/fail-renewal-until-halted`, json('POST'));
    expect(await halted.json()).toMatchObject({ status: 'halted' });
    const again = await fetch(`${sim.url}/_sim/subscriptions/${sub.id}/charge-next-cycle`, json('POST'));
    expect(again.status).toBe(400);

    const sent = await fetch(`${sim.url}/_sim/subscriptions/${sub.id}/events`, json('POST', { event: 'subscription.halted', eventId: 'evtControl0001' }));
    expect(await sent.json()).toEqual({ status: 200, eventId: 'evtControl0001' });

    const { items } = (await (await fetch(`${sim.url}/_sim/deliveries`, json('GET'))).json()) as { items: Array<{ event: string; status: number }> };
    expect(items).toHaveLength(receiver.received.length);
    expect(items.every((d) => d.status === 200)).toBe(true);
    expect(items.at(-1)?.event).toBe('subscription.halted');
  });

  it('injects and clears faults', async () => {
    const rzp = razorpayAt(sim.url, KEY_ID, KEY_SECRET);
    await fetch(`${sim.url}/_sim/faults`, json('POST', { status: 500, times: 5 }));
    await expect(rzp.plans.all()).rejects.toMatchObject({ statusCode: 500, error: { code: 'SERVER_ERROR' } });
    await fetch(`${sim.url}/_sim/faults`, json('DELETE'));
    await expect(rzp.plans.all()).resolves.toMatchObject({ entity: 'collection' });
  });
});
