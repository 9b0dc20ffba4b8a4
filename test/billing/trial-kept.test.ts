/**
 * Subscribing during a trial keeps the trial's days (issue 11 item 4): the Razorpay subscription
 * starts at the trial's end (`start_at`), checkout only authorises the card, the workspace stays open
 * through the trial's end on the authorised subscription, and the first charge makes it active.
 * Real stack and Razorpay simulator; trials of 45 s (kept: more than 30 s left) and of 2 s (over).
 */
import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import { razorpayAt } from '../../sandbox/razorpay/test-helpers';
import { subscriptionStateQuery, type subscriptionWorkflow } from '../../workflows/subscription';
import type { trialWorkflow } from '../../workflows/trial';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { payments, subscribe, subscriptionOf, waitForStatus } from './helpers';

let app: TestApp;
let shortTrials: TestApp;
let keeper: RegisteredTenant;
let canceller: RegisteredTenant;
beforeAll(async () => {
  [app, shortTrials] = await Promise.all([
    startTestApp({ trial: { durationMs: 45_000, reminderOffsetsMs: [] } }),
    startTestApp({ trial: { durationMs: 2_000, reminderOffsetsMs: [] } }),
  ]);
  // Registered together so both trials run out during the same wait.
  [keeper, canceller] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([app?.stop(), shortTrials?.stop()]);
});

const rzp = (on: TestApp) => razorpayAt(on.razorpay.url, on.config.razorpay.keyId, on.config.razorpay.keySecret);
const trialResult = (on: TestApp, tenant: RegisteredTenant) => on.temporal.workflow.getHandle<typeof trialWorkflow>(workflowIds.trial(tenant.tenant.id)).result();
const tenantRow = async (on: TestApp, tenant: RegisteredTenant) => {
  const row = await on.db.system('tenants').where({ id: tenant.tenant.id }).first();
  if (!row) throw new Error('no tenant row');
  return row;
};
const trialEnd = async (on: TestApp, tenant: RegisteredTenant): Promise<Date> => (await tenantRow(on, tenant)).trial_ends_at;
const usersStatus = async (on: TestApp, tenant: RegisteredTenant) => (await request(on.url).get('/users').set(bearer(tenant.accessToken))).status;
const eventsFor = (on: TestApp, razorpaySubscriptionId: string) =>
  on.razorpay
    .deliveries()
    .filter((d) => d.event.startsWith('subscription.') && d.body.includes(razorpaySubscriptionId))
    .map((d) => d.event);
const subscriptionRows = async (on: TestApp, tenant: RegisteredTenant) =>
  Number((await on.db.system('subscriptions').where({ tenant_id: tenant.tenant.id }).count({ n: '*' }))[0].n);

test('during a trial: the checkout says the days are kept, Razorpay starts at the trial end, the card is only authorised', async () => {
  const endsAt = await trialEnd(app, keeper);
  const startAt = Math.ceil(endsAt.getTime() / 1000);
  const before = await subscriptionOf(app, keeper);
  expect(before.checkout).toEqual({ trialKept: true, firstChargeAt: endsAt.toISOString() });

  const checkout = await subscribe(app, keeper, 'growth');
  expect(checkout).toMatchObject({ trialKept: true, firstChargeAt: new Date(startAt * 1000).toISOString() });
  expect(await rzp(app).subscriptions.fetch(checkout.razorpaySubscriptionId)).toMatchObject({ status: 'created', start_at: startAt, charge_at: startAt });

  await app.razorpay.pay(checkout.razorpaySubscriptionId);
  const authorised = await waitForStatus(app, keeper, 'authenticated');
  expect(authorised).toMatchObject({ firstChargeAt: new Date(startAt * 1000).toISOString(), currentPeriodEnd: null });
  expect(eventsFor(app, checkout.razorpaySubscriptionId)).toEqual(['subscription.authenticated']);
  // Nothing charged: the ₹5 authorisation came back at once.
  await eventually(async () => expect(await payments(app, keeper)).toEqual([expect.objectContaining({ amount: 5, status: 'refunded' })]));
  expect(await usersStatus(app, keeper)).toBe(200);

  // Checkout twice: refused once the card is authorised, and no second Razorpay subscription is made.
  const again = await request(app.url).post('/billing/create-subscription').set(bearer(keeper.accessToken)).send({ planId: 'starter' }).expect(409);
  expect(again.body.error.code).toBe('already_subscribed');
  expect(await subscriptionRows(app, keeper)).toBe(1);
});

test('cancelled before the first charge: the trial is given back until its end, then the workspace is blocked', async () => {
  const checkout = await subscribe(app, canceller, 'starter');
  expect(checkout.trialKept).toBe(true);
  await app.razorpay.pay(checkout.razorpaySubscriptionId);
  await waitForStatus(app, canceller, 'authenticated');
  await request(app.url).post('/billing/cancel').set(bearer(canceller.accessToken)).send({ atCycleEnd: false }).expect(200);
  await waitForStatus(app, canceller, 'cancelled');

  const me = (await request(app.url).get('/me').set(bearer(canceller.accessToken)).expect(200)).body;
  expect(me.tenant.access).toMatchObject({ trialActive: true, blocked: false, subscriptionStatus: 'cancelled' });
  expect(await usersStatus(app, canceller)).toBe(200);

  expect((await trialResult(app, canceller)).phase).toBe('expired');
  expect(await usersStatus(app, canceller)).toBe(402);
  expect(await tenantRow(app, canceller)).toMatchObject({ trial_active: false, trial_converted_at: null });
}, 90_000);

test('authenticated delivered twice changes nothing; the trial end converts instead of expiring; the first charge makes it active', async () => {
  const { razorpaySubscriptionId } = (await subscriptionOf(app, keeper)) as { razorpaySubscriptionId: string };
  const actor = app.temporal.workflow.getHandle<typeof subscriptionWorkflow>(workflowIds.subscription(keeper.tenant.id));
  const first = app.razorpay.deliveries().find((d) => d.event === 'subscription.authenticated' && d.body.includes(razorpaySubscriptionId))!;
  expect(await app.razorpay.redeliver(first.eventId)).toEqual({ status: 200 });
  const duplicate = await app.razorpay.sendEvent(razorpaySubscriptionId, 'subscription.authenticated');
  await eventually(async () => expect((await actor.query(subscriptionStateQuery)).seenEventIds).toContain(duplicate.eventId));
  expect((await subscriptionOf(app, keeper)).status).toBe('authenticated');

  // The trial runs out: converted, not expired, and the workspace stays open on the authorised card.
  expect((await trialResult(app, keeper)).phase).toBe('converted');
  const row = await tenantRow(app, keeper);
  expect(row).toMatchObject({ trial_active: false, trial_expired_at: null, subscription_status: 'authenticated' });
  expect(row.trial_converted_at?.getTime()).toBeGreaterThanOrEqual((await trialEnd(app, keeper)).getTime() - 1_000);
  expect(await usersStatus(app, keeper)).toBe(200);

  // Razorpay's first charge at start_at: activated, then charged.
  await app.razorpay.chargeNextCycle(razorpaySubscriptionId);
  expect(eventsFor(app, razorpaySubscriptionId).slice(-2)).toEqual(['subscription.activated', 'subscription.charged']);
  const active = await waitForStatus(app, keeper, 'active');
  expect(active).toMatchObject({ firstChargeAt: null, plan: { id: 'growth', name: 'Growth', amount: 2499, currency: 'INR' } });
  await eventually(async () => {
    const invoices = (await request(app.url).get('/billing/invoices').set(bearer(keeper.accessToken)).expect(200)).body.data;
    expect(invoices).toEqual([expect.objectContaining({ status: 'paid', amount: 2499 })]);
  });
  expect(await usersStatus(app, keeper)).toBe(200);
}, 90_000);

test('a trial that already ended: charged today, no start_at', async () => {
  const tenant = await registerTenant(shortTrials.url);
  expect((await trialResult(shortTrials, tenant)).phase).toBe('expired');
  const read = await subscriptionOf(shortTrials, tenant);
  expect(read.checkout.trialKept).toBe(false);
  expect(Math.abs(new Date(read.checkout.firstChargeAt).getTime() - Date.now())).toBeLessThan(10_000);

  const checkout = await subscribe(shortTrials, tenant, 'starter');
  expect(checkout.trialKept).toBe(false);
  expect(await rzp(shortTrials).subscriptions.fetch(checkout.razorpaySubscriptionId)).toMatchObject({ start_at: null });
  await shortTrials.razorpay.pay(checkout.razorpaySubscriptionId);
  expect(eventsFor(shortTrials, checkout.razorpaySubscriptionId)).toEqual(['subscription.authenticated', 'subscription.activated', 'subscription.charged']);
  expect(await waitForStatus(shortTrials, tenant, 'active')).toMatchObject({ firstChargeAt: null });
  await eventually(async () => expect(await payments(shortTrials, tenant)).toEqual([expect.objectContaining({ amount: 999, status: 'captured' })]));
});
