import type Razorpay from 'razorpay';
import { startRazorpaySimulator, type RazorpaySimulator } from './index';
import { razorpayAt } from './test-helpers';

const KEY_ID = 'rzp_test_simulator';
const KEY_SECRET = 'simulator-key-secret';

type SdkError = { statusCode: number; error: { code: string; description: string; field: string | null } };

/** The SDK rejects with `{statusCode, error}` (its normalizeError); return that for assertions. */
async function sdkError(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail');
}

describe('Razorpay simulator REST API through the official SDK', () => {
  let sim: RazorpaySimulator;
  let rzp: Razorpay;

  beforeAll(async () => {
    sim = await startRazorpaySimulator({ keyId: KEY_ID, keySecret: KEY_SECRET, webhookSecret: 'whsec' });
    rzp = razorpayAt(sim.url, KEY_ID, KEY_SECRET);
  });
  afterAll(() => sim.stop());

  const createPlan = (amount = 399900) =>
    rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Pro', amount, currency: 'INR', description: 'Pro monthly' }, notes: { tier: 'pro' } });

  async function createSubscription(extra: Record<string, unknown> = {}) {
    const plan = await createPlan();
    return rzp.subscriptions.create({ plan_id: plan.id, total_count: 12, quantity: 1, customer_notify: true, notes: { tenant_id: 't-1' }, ...extra } as never);
  }

  describe('plans', () => {
    it('creates, fetches and lists plans with Razorpay ids and fields', async () => {
      const plan = await createPlan();
      expect(plan).toMatchObject({ entity: 'plan', period: 'monthly', interval: 1, notes: { tier: 'pro' } });
      expect(plan.id).toMatch(/^plan_[A-Za-z0-9]{14}$/);
      expect(plan.item).toMatchObject({ active: true, name: 'Pro', amount: 399900, unit_amount: 399900, currency: 'INR', type: 'plan' });
      expect(plan.item.id).toMatch(/^item_[A-Za-z0-9]{14}$/);
      expect(Math.abs(Number(plan.created_at) - Date.now() / 1000)).toBeLessThan(5);

      expect(await rzp.plans.fetch(plan.id)).toEqual(plan);
      const list = await rzp.plans.all({ count: 1 });
      expect(list).toMatchObject({ entity: 'collection', count: 1 });
      expect(list.items[0].id).toBe(plan.id);
    });

    it('answers missing and invalid fields with 400 naming the field', async () => {
      const missing = await sdkError(rzp.plans.create({ interval: 1, item: { name: 'X', amount: 1000, currency: 'INR' } } as never));
      expect(missing).toMatchObject({ statusCode: 400, error: { code: 'BAD_REQUEST_ERROR', description: 'The period field is required.', field: 'period' } });

      const tooSmall = await sdkError(rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'X', amount: 50, currency: 'INR' } }));
      expect(tooSmall).toMatchObject({ statusCode: 400, error: { description: 'The amount must be at least INR 1.00.', field: 'amount' } });

      const extra = await sdkError(rzp.plans.create({ period: 'monthly', interval: 1, offer_id: 'x', item: { name: 'X', amount: 1000, currency: 'INR' } } as never));
      expect(extra.error.description).toBe('offer_id is/are not required and should not be sent');

      const badPeriod = await sdkError(rzp.plans.create({ period: 'hourly', interval: 1, item: { name: 'X', amount: 1000, currency: 'INR' } } as never));
      expect(badPeriod.error.field).toBe('period');
    });

    it('accepts form-encoded bodies as curl sends them', async () => {
      const res = await fetch(`${sim.url}/v1/plans`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'period=weekly&interval=2&item[name]=Form&item[amount]=10000&item[currency]=INR&notes[a]=b',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ period: 'weekly', interval: 2, item: { name: 'Form', amount: 10000 }, notes: { a: 'b' } });
    });

    it('answers unknown and malformed ids with 400, as Razorpay does', async () => {
      expect(await sdkError(rzp.plans.fetch('plan_AAAAAAAAAAAAAA'))).toMatchObject({ statusCode: 400, error: { description: 'The id provided does not exist' } });
      expect(await sdkError(rzp.plans.fetch('nope'))).toMatchObject({ statusCode: 400, error: { description: 'nope is not a valid id' } });
    });
  });

  describe('customers', () => {
    it('creates and fetches a customer; empty notes come back as [] like PHP serialises them', async () => {
      const customer = await rzp.customers.create({ name: 'Acme Traders', email: 'owner@acme.example', contact: '+919812345678' });
      expect(customer.id).toMatch(/^cust_[A-Za-z0-9]{14}$/);
      expect(customer).toMatchObject({ entity: 'customer', name: 'Acme Traders', email: 'owner@acme.example', contact: '+919812345678', gstin: null, notes: [] });
      expect(await rzp.customers.fetch(customer.id)).toEqual(customer);
    });

    it('refuses a duplicate unless fail_existing is the string "0"', async () => {
      const first = await rzp.customers.create({ name: 'Dup Co', email: 'dup@acme.example', contact: '+919800000001' });
      const refused = await sdkError(rzp.customers.create({ name: 'Dup Co', email: 'dup@acme.example' }));
      expect(refused).toMatchObject({ statusCode: 400, error: { description: 'Customer already exists for the merchant' } });
      const numericZero = await sdkError(rzp.customers.create({ name: 'Dup Co', email: 'dup@acme.example', fail_existing: 0 }));
      expect(numericZero.statusCode).toBe(400);

      const existing = await rzp.customers.create({ name: 'Dup Co', email: 'dup@acme.example', fail_existing: '0' as never });
      expect(existing.id).toBe(first.id);
    });

    it('validates email and contact', async () => {
      expect((await sdkError(rzp.customers.create({ email: 'not-an-email' }))).error).toMatchObject({ field: 'email', description: 'The email must be a valid email address.' });
      expect((await sdkError(rzp.customers.create({ contact: '12-34' }))).error.field).toBe('contact');
    });
  });

  describe('subscriptions', () => {
    it('creates a subscription in status created with a short_url to the checkout page', async () => {
      const customer = await rzp.customers.create({ name: 'Sub Owner', email: 'sub@acme.example' });
      const sub = await createSubscription({ customer_id: customer.id });
      expect(sub.id).toMatch(/^sub_[A-Za-z0-9]{14}$/);
      expect(sub).toMatchObject({
        entity: 'subscription',
        status: 'created',
        customer_id: customer.id,
        quantity: 1,
        total_count: 12,
        paid_count: 0,
        remaining_count: 12,
        auth_attempts: 0,
        customer_notify: true,
        current_start: null,
        current_end: null,
        notes: { tenant_id: 't-1' },
        has_scheduled_changes: false,
        source: 'api',
      });
      expect(sub.short_url).toBe(sim.checkoutUrl(sub.id));
      expect(await rzp.subscriptions.fetch(sub.id)).toEqual(sub);
    });

    it('requires plan_id and total_count and checks the plan exists', async () => {
      const plan = await createPlan();
      expect((await sdkError(rzp.subscriptions.create({ total_count: 12 } as never))).error).toMatchObject({ field: 'plan_id', description: 'The plan id field is required.' });
      expect((await sdkError(rzp.subscriptions.create({ plan_id: plan.id } as never))).error).toMatchObject({
        field: 'total_count',
        description: 'The total count field is required when end at is not present.',
      });
      expect((await sdkError(rzp.subscriptions.create({ plan_id: 'plan_AAAAAAAAAAAAAA', total_count: 1 }))).error).toMatchObject({
        field: 'plan_id',
        description: 'The id provided does not exist',
      });
      expect((await sdkError(rzp.subscriptions.create({ plan_id: plan.id, total_count: 0 }))).error.field).toBe('total_count');
    });

    it('lists subscriptions filtered by plan_id', async () => {
      const sub = await createSubscription();
      const list = await rzp.subscriptions.all({ plan_id: sub.plan_id } as never);
      expect(list.items.map((s) => s.id)).toEqual([sub.id]);
    });

    it('becomes active after payment, and cancel at cycle end keeps it active until the cycle ends', async () => {
      const sub = await createSubscription();
      await sim.pay(sub.id);
      const active = await rzp.subscriptions.fetch(sub.id);
      expect(active).toMatchObject({ status: 'active', paid_count: 1, remaining_count: 11 });
      expect(active.current_end).toBeGreaterThan(Number(active.current_start));
      expect(active.customer_id).toMatch(/^cust_/);

      const scheduled = await rzp.subscriptions.cancel(sub.id, true);
      expect(scheduled).toMatchObject({ status: 'active', end_at: active.current_end });

      await sim.chargeNextCycle(sub.id);
      expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('cancelled');
      const again = await sdkError(rzp.subscriptions.cancel(sub.id));
      expect(again).toMatchObject({ statusCode: 400, error: { description: 'Subscription is not cancellable in cancelled status.' } });
    });

    it('cancels immediately by default', async () => {
      const sub = await createSubscription();
      const cancelled = await rzp.subscriptions.cancel(sub.id);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.ended_at).not.toBeNull();
    });

    it('pauses and resumes an active subscription; pausing a created one is refused', async () => {
      const sub = await createSubscription();
      expect((await sdkError(rzp.subscriptions.pause(sub.id, { pause_at: 'now' }))).statusCode).toBe(400);
      await sim.pay(sub.id);
      const paused = await rzp.subscriptions.pause(sub.id, { pause_at: 'now' });
      expect(paused).toMatchObject({ status: 'paused', pause_initiated_by: 'self', charge_at: null });
      const resumed = await rzp.subscriptions.resume(sub.id, { resume_at: 'now' });
      expect(resumed.status).toBe('active');
      expect((await sdkError(rzp.subscriptions.resume(sub.id, { resume_at: 'now' }))).statusCode).toBe(400);
    });

    it('changes plan now, or at cycle end through scheduled changes', async () => {
      const sub = await createSubscription();
      await sim.pay(sub.id);
      const bigger = await createPlan(999900);
      const scheduled = await rzp.subscriptions.update(sub.id, { plan_id: bigger.id, schedule_change_at: 'cycle_end' });
      expect(scheduled).toMatchObject({ plan_id: sub.plan_id, has_scheduled_changes: true });
      expect((await rzp.subscriptions.pendingUpdate(sub.id)).plan_id).toBe(bigger.id);
      await sim.chargeNextCycle(sub.id);
      expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ plan_id: bigger.id, has_scheduled_changes: false, paid_count: 2 });

      const updated = await rzp.subscriptions.update(sub.id, { quantity: 3 });
      expect(updated.quantity).toBe(3);
    });
  });

  describe('payments and invoices', () => {
    it("lists a subscription's invoices, each naming its payment", async () => {
      const sub = await createSubscription();
      await sim.pay(sub.id);
      await sim.chargeNextCycle(sub.id);
      const invoices = await rzp.invoices.all({ subscription_id: sub.id } as never);
      expect(invoices.count).toBe(2);
      for (const invoice of invoices.items) {
        expect(invoice).toMatchObject({ entity: 'invoice', subscription_id: sub.id, status: 'paid', amount: 399900, amount_due: 0 });
        const payment = await rzp.payments.fetch(String(invoice.payment_id));
        expect(payment).toMatchObject({ entity: 'payment', status: 'captured', captured: true, amount: 399900, currency: 'INR', invoice_id: invoice.id });
      }
      expect((await rzp.invoices.fetch(invoices.items[0].id)).id).toBe(invoices.items[0].id);
    });
  });

  describe('auth, unknown URLs and injected faults', () => {
    it('answers a wrong key secret with 401 "Authentication failed"', async () => {
      const wrong = razorpayAt(sim.url, KEY_ID, 'not-the-secret');
      const err = await sdkError(wrong.plans.all());
      expect(err).toMatchObject({ statusCode: 401, error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } });
      const anonymous = await fetch(`${sim.url}/v1/plans`);
      expect(anonymous.status).toBe(401);
    });

    it('answers an unknown URL with 400 like Razorpay', async () => {
      const res = await fetch(`${sim.url}/v1/nothing-here`, { headers: { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as SdkError).error.description).toBe('The requested URL was not found on the server.');
    });

    it('injects 5xx and 429 with Retry-After on demand, then recovers', async () => {
      sim.injectFault({ status: 503, path: '/v1/plans' });
      expect((await sdkError(rzp.plans.all())).statusCode).toBe(503);
      expect((await rzp.plans.all()).entity).toBe('collection');

      sim.injectFault({ status: 429, retryAfterSeconds: 7 });
      const res = await fetch(`${sim.url}/v1/plans`, { headers: { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}` } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
    });
  });
});
