import { simulatorWithReceiver } from './test-helpers';

/** Razorpay's "future start date" (a trial kept): checkout authorises ₹5 (refunded), the first charge is at start_at. */
describe('Razorpay simulator: a subscription with a future start_at', () => {
  const env = simulatorWithReceiver();

  async function subscriptionStarting(startAt: number) {
    const plan = await env.rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Growth', amount: 249900, currency: 'INR' } });
    return env.rzp.subscriptions.create({ plan_id: plan.id, total_count: 12, start_at: startAt });
  }

  it('checkout asks for the ₹5 authorisation and names the first charge day, not the plan amount', async () => {
    const startAt = Math.floor(Date.UTC(2031, 0, 15, 10) / 1000);
    const sub = await subscriptionStarting(startAt);
    expect(sub).toMatchObject({ status: 'created', start_at: startAt, charge_at: startAt, current_start: null });
    const html = await (await fetch(sub.short_url)).text();
    expect(html).toContain('<p class="amount" data-testid="amount">₹5.00</p>');
    expect(html).toContain('Card authorisation, refunded at once. First charge on 15 Jan 2031.');
  });

  it('paying sends only subscription.authenticated with the refunded ₹5; the start sends activated and charged', async () => {
    const startAt = Math.floor(Date.now() / 1000) + 3_600;
    const sub = await subscriptionStarting(startAt);
    await env.sim.pay(sub.id);

    expect(env.receiver.events()).toEqual(['subscription.authenticated']);
    const [authenticated] = env.receiver.received;
    expect(authenticated.body.payload.subscription?.entity).toMatchObject({ status: 'authenticated', paid_count: 0, current_start: null, charge_at: startAt });
    expect(authenticated.body.payload.payment?.entity).toMatchObject({ amount: 500, status: 'refunded', amount_refunded: 500 });
    expect(await env.rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'authenticated', paid_count: 0 });

    env.receiver.clear();
    await env.sim.chargeNextCycle(sub.id); // the start date arriving
    expect(env.receiver.events()).toEqual(['subscription.activated', 'subscription.charged', 'payment.captured']);
    expect(env.receiver.received[1].body.payload.subscription?.entity).toMatchObject({ status: 'active', paid_count: 1, current_start: startAt });
    expect(env.receiver.received[1].body.payload.payment?.entity).toMatchObject({ amount: 249900, status: 'captured' });
  });

  it('expires when start_at passes before the customer pays: no charge, no webhook, a clear refusal', async () => {
    const sub = await subscriptionStarting(Math.floor(Date.now() / 1000) + 1);
    await new Promise((r) => setTimeout(r, 2_100));
    await expect(env.sim.pay(sub.id)).rejects.toThrow(/expired/);
    expect(env.receiver.events()).toEqual([]);
    expect(await env.rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'expired', paid_count: 0 });
    expect(await (await fetch(sub.short_url)).text()).toContain('This subscription is expired; there is nothing to pay.');
  });
});
