import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import type { trialWorkflow } from '../../workflows/trial';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { payAndStart, payments, subscribe, subscriptionOf, waitForStatus } from './helpers';

// Trials of 3 s and a grace period of 3 s, so expiry and suspension happen inside the test.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ trial: { durationMs: 3_000, reminderOffsetsMs: [] }, graceMs: 3_000 });
});
afterAll(async () => {
  await app?.stop();
});

const trialResult = (tenantId: string) => app.temporal.workflow.getHandle<typeof trialWorkflow>(workflowIds.trial(tenantId)).result();

describe('subscription lifecycle', () => {
  it('an expired-trial tenant is blocked, subscribes, pays, and is back in', async () => {
    const tenant = await registerTenant(app.url);
    expect((await trialResult(tenant.tenant.id)).phase).toBe('expired');
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(402);
    expect((await subscriptionOf(app, tenant)).status).toBeNull();

    const checkout = await subscribe(app, tenant, 'growth');
    expect(checkout).toMatchObject({ razorpaySubscriptionId: expect.stringMatching(/^sub_/), keyId: app.config.razorpay.keyId });
    expect(checkout.shortUrl).toBe(app.razorpay.checkoutUrl(checkout.razorpaySubscriptionId));
    expect((await subscriptionOf(app, tenant)).status).toBe('created');
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(402);

    await app.razorpay.pay(checkout.razorpaySubscriptionId);
    const active = await waitForStatus(app, tenant, 'active');
    expect(active.plan).toEqual({ id: 'growth', name: 'Growth', amount: 2499, currency: 'INR' });
    expect(new Date(active.currentPeriodEnd!).getTime()).toBeGreaterThan(Date.now());
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);

    await eventually(async () => {
      expect(await payments(app, tenant)).toEqual([expect.objectContaining({ status: 'captured', amount: 2499, currency: 'INR' })]);
      const invoices = (await request(app.url).get('/billing/invoices').set(bearer(tenant.accessToken)).expect(200)).body.data;
      expect(invoices).toEqual([expect.objectContaining({ status: 'paid', amount: 2499 })]);
    });
  });

  it('paying during the trial converts it: no expiry follows', async () => {
    const slowTrial = await startTestApp({ trial: { durationMs: 60_000, reminderOffsetsMs: [] } });
    try {
      const tenant = await registerTenant(slowTrial.url);
      const checkout = await subscribe(slowTrial, tenant, 'starter');
      await payAndStart(slowTrial, checkout);
      const result = await slowTrial.temporal.workflow.getHandle<typeof trialWorkflow>(workflowIds.trial(tenant.tenant.id)).result();
      expect(result.phase).toBe('converted');
      const row = await slowTrial.db.system('tenants').where({ id: tenant.tenant.id }).first();
      expect(row).toMatchObject({ subscription_status: 'active', trial_active: false, trial_expired_at: null });
    } finally {
      await slowTrial.stop();
    }
  });

  it('failed renewals → halted → grace (still open) → suspended (402) → charged → active again', async () => {
    const tenant = await registerTenant(app.url);
    const checkout = await subscribe(app, tenant);
    await app.razorpay.pay(checkout.razorpaySubscriptionId);
    await waitForStatus(app, tenant, 'active');
    await trialResult(tenant.tenant.id);

    await app.razorpay.failRenewalUntilHalted(checkout.razorpaySubscriptionId);
    const grace = await waitForStatus(app, tenant, 'grace');
    expect(new Date(grace.graceEndsAt!).getTime()).toBeGreaterThan(Date.now());
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);

    await waitForStatus(app, tenant, 'suspended');
    const blocked = await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(402);
    expect(blocked.body.error.code).toBe('subscription_required');
    await request(app.url).get('/billing/subscription').set(bearer(tenant.accessToken)).expect(200);

    // The customer fixes the card; Razorpay charges the halted subscription and reactivates it.
    await app.razorpay.pay(checkout.razorpaySubscriptionId);
    await waitForStatus(app, tenant, 'active');
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);
    await eventually(async () => {
      const all = await payments(app, tenant);
      expect(all.filter((p) => p.status === 'captured')).toHaveLength(2);
      expect(all.filter((p) => p.status === 'failed').length).toBeGreaterThanOrEqual(1);
    });
  });

  it('cancel at cycle end keeps access until the cycle ends, then the subscription is cancelled', async () => {
    const tenant = await registerTenant(app.url);
    const checkout = await subscribe(app, tenant);
    await app.razorpay.pay(checkout.razorpaySubscriptionId);
    await waitForStatus(app, tenant, 'active');
    await trialResult(tenant.tenant.id);

    const cancelled = await request(app.url).post('/billing/cancel').set(bearer(tenant.accessToken)).send({ atCycleEnd: true }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'active', cancelAtCycleEnd: true });
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);

    await app.razorpay.chargeNextCycle(checkout.razorpaySubscriptionId);
    await waitForStatus(app, tenant, 'cancelled');
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(402);
  });

  it('refuses bad billing commands clearly', async () => {
    const tenant = await registerTenant(app.url);
    const bad = await request(app.url).post('/billing/create-subscription').set(bearer(tenant.accessToken)).send({ planId: 'gold' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('planId');
    const noSub = await request(app.url).post('/billing/cancel').set(bearer(tenant.accessToken)).send({ atCycleEnd: true }).expect(409);
    expect(noSub.body.error.code).toBe('no_subscription');

    const checkout = await subscribe(app, tenant, 'starter');
    await app.razorpay.pay(checkout.razorpaySubscriptionId);
    await waitForStatus(app, tenant, 'active');
    const again = await request(app.url).post('/billing/create-subscription').set(bearer(tenant.accessToken)).send({ planId: 'pro' }).expect(409);
    expect(again.body.error.code).toBe('already_subscribed');
    const changed = await request(app.url).post('/billing/change-plan').set(bearer(tenant.accessToken)).send({ planId: 'pro' }).expect(200);
    expect(changed.body.plan.id).toBe('pro');
  });
});
