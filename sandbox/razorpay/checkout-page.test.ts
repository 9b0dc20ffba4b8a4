import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import { simulatorWithReceiver, TEST_KEY_SECRET } from './test-helpers';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

describe('Razorpay simulator checkout page', () => {
  const env = simulatorWithReceiver();

  async function newSubscription() {
    const plan = await env.rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Pro', amount: 399900, currency: 'INR' } });
    return env.rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
  }

  it('shows the plan, the amount in ₹ and the Pay and Fail buttons', async () => {
    const sub = await newSubscription();
    const res = await fetch(sub.short_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1 data-testid="plan-name">Pro</h1>');
    expect(html).toContain('₹3,999.00');
    expect(html).toMatch(/<button id="pay" data-testid="pay"[^>]*>Pay<\/button>/);
    expect(html).toMatch(/<button id="fail" data-testid="fail"[^>]*>Fail<\/button>/);
    expect(html).toContain(`action="/checkout/${sub.id}/pay"`);
    // Looking at the page issues no invoice.
    expect((await env.rzp.invoices.all({ subscription_id: sub.id } as never)).count).toBe(0);
  });

  it('Pay captures the payment, sends the webhooks and returns to the redirect with a verifiable signature', async () => {
    const sub = await newSubscription();
    const redirect = 'http://127.0.0.1:3000/billing/return?tab=plan';
    const page = await (await fetch(`${env.sim.checkoutUrl(sub.id)}?redirect=${encodeURIComponent(redirect)}`)).text();
    expect(page).toContain(`name="redirect" value="${redirect.replace(/&/g, '&#38;')}"`);

    const res = await fetch(`${env.sim.url}/checkout/${sub.id}/pay`, form({ redirect }));
    expect(res.status).toBe(303);
    const back = new URL(String(res.headers.get('location')));
    expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:3000/billing/return');
    expect(back.searchParams.get('tab')).toBe('plan');
    const paymentId = String(back.searchParams.get('razorpay_payment_id'));
    expect(back.searchParams.get('razorpay_subscription_id')).toBe(sub.id);
    expect(validatePaymentVerification({ subscription_id: sub.id, payment_id: paymentId }, String(back.searchParams.get('razorpay_signature')), TEST_KEY_SECRET)).toBe(true);

    expect(env.receiver.events()).toEqual(['subscription.authenticated', 'subscription.activated', 'subscription.charged', 'payment.captured']);
    expect((await env.rzp.subscriptions.fetch(sub.id)).status).toBe('active');
    expect((await env.rzp.payments.fetch(paymentId)).status).toBe('captured');

    const after = await (await fetch(env.sim.checkoutUrl(sub.id))).text();
    expect(after).not.toContain('data-testid="pay"');
    expect(after).toContain('This subscription is active');
  });

  it('Fail sends payment.failed and offers to try again', async () => {
    const sub = await newSubscription();
    const res = await fetch(`${env.sim.url}/checkout/${sub.id}/fail`, form({}));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Payment failed');
    expect(html).toContain(`href="/checkout/${sub.id}"`);
    expect(env.receiver.events()).toEqual(['payment.failed']);
    expect((await env.rzp.subscriptions.fetch(sub.id)).status).toBe('created');
  });

  it('refuses a redirect that is not an http(s) URL, and an unknown subscription', async () => {
    const sub = await newSubscription();
    const bad = await fetch(`${env.sim.checkoutUrl(sub.id)}?redirect=${encodeURIComponent('javascript:alert(1)')}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('javascript:alert');
    const badPost = await fetch(`${env.sim.url}/checkout/${sub.id}/pay`, form({ redirect: '/relative' }));
    expect(badPost.status).toBe(400);
    expect((await env.rzp.subscriptions.fetch(sub.id)).status).toBe('created');

    expect((await fetch(env.sim.checkoutUrl('sub_AAAAAAAAAAAAAA'))).status).toBe(404);
  });
});
