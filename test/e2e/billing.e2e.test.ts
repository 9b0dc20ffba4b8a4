/**
 * Billing in a real browser against the real stack and the Razorpay simulator (checkout, provider
 * errors, read-only agents, plan change and cancel). Screenshots: test-results/screenshots/billing-*.png.
 */
import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import type { trialWorkflow } from '../../workflows/trial';
import { subscribe, waitForStatus } from '../billing/helpers';
import { bearer, registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

// Trials of 2 s: a fresh workspace is blocked within the test.
const suite = browserSuite('billing', { app: { trial: { durationMs: 2_000, reminderOffsetsMs: [] } }, viewport: { width: 1280, height: 800 } });

afterEach(() => suite.app.razorpay.clearFaults());

async function expiredTenant() {
  const tenant = await registerTenant(suite.app.url);
  expect((await suite.app.temporal.workflow.getHandle<typeof trialWorkflow>(workflowIds.trial(tenant.tenant.id)).result()).phase).toBe('expired');
  return tenant;
}

async function payingTenant(planId: 'starter' | 'pro') {
  const tenant = await registerTenant(suite.app.url);
  await suite.app.razorpay.pay((await subscribe(suite.app, tenant, planId)).razorpaySubscriptionId);
  await waitForStatus(suite.app, tenant, 'active');
  return tenant;
}

test('a blocked workspace subscribes to Growth through checkout and is unblocked', async () => {
  const tenant = await expiredTenant();
  const page = await suite.logIn(tenant.registration);
  await page.getByTestId('blocked-page').waitFor({ state: 'visible' });
  await suite.shot(page, 'blocked');

  await page.getByTestId('blocked-billing-link').click();
  await page.locator('[data-testid=subscription-status][data-status=none]').waitFor();
  expect(await page.getByTestId('subscription-status').innerText()).toMatch(/no plan[\s\S]*trial has ended/i);
  expect(await page.getByTestId('plan-card-growth').innerText()).toMatch(/Growth[\s\S]*₹2,499 \/ month[\s\S]*25,000 messages \/ month/);
  expect(await page.getByTestId('usage-messages').innerText()).toContain('0 / 25,000');
  // The trial is over: nothing to keep, the charge is at checkout.
  expect(await page.getByTestId('checkout-timing').innerText()).toContain("You'll be charged today.");
  await suite.shot(page, 'plans');

  await page.getByTestId('subscribe-growth').click();
  await page.waitForURL((url) => url.toString().startsWith(`${suite.app.razorpay.url}/checkout/sub_`));
  await suite.shot(page, 'checkout');
  await page.getByTestId('pay').click();

  await page.waitForURL((url) => url.toString().startsWith(`${suite.app.url}/app/billing`));
  await page.getByTestId('checkout-success').waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.getByTestId('subscription-status').innerText()).toMatch(/Active[\s\S]*Growth · ₹2,499 \/ month[\s\S]*renews on/i);
  expect(new URL(page.url()).search).toBe('');
  await page
    .getByTestId('payments-table')
    .getByRole('row', { name: /₹2,499.*Captured/ })
    .waitFor({ timeout: 15_000 });
  await suite.shot(page, 'active');

  await page.getByTestId('main-nav').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('blocked-page').count()).toBe(0);
  expect(await page.getByTestId('trial-banner').count()).toBe(0);
  await page.reload(); // a fresh GET /me agrees
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('blocked-page').count()).toBe(0);
  await suite.shot(page, 'dashboard');
});

test('Razorpay refusing the subscription shows a clear alert and keeps the page usable', async () => {
  const tenant = await expiredTenant();
  const page = await suite.logIn(tenant.registration, { path: '/app/billing' });
  suite.app.razorpay.injectFault({ status: 500, times: 50, method: 'POST', path: '/v1/subscriptions' });

  await page.getByTestId('subscribe-starter').click();
  await page.getByTestId('billing-alert').getByText('Razorpay did not accept the request', { exact: false }).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('subscribe-starter').isEnabled()).toBe(true);
  await suite.shot(page, 'provider-error');

  // Coming back from a checkout that was never paid: the page waits for Razorpay rather than claiming success.
  await page.goto(`${suite.app.url}/app/billing?checkout=done`);
  await page.getByTestId('checkout-confirming').getByText('Confirming your payment…', { exact: false }).waitFor();
  await suite.shot(page, 'confirming');
});

test('an agent sees the plan and usage read-only, without payments or plan buttons', async () => {
  const tenant = await payingTenant('pro');
  const email = `agent.${Date.now()}@example.com`;
  const invited = await request(suite.app.url).post('/users/invite').set(bearer(tenant.accessToken)).send({ email, name: 'Ravi Agent', role: 'agent' }).expect(201);
  await request(suite.app.url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'agent password 42' }).expect(200);

  const page = await suite.logIn({ email, password: 'agent password 42' });
  await page.getByTestId('nav-billing').click();
  await page.locator('[data-testid=subscription-status][data-status=active]').waitFor();
  expect(await page.getByTestId('subscription-status').innerText()).toContain('Pro');
  expect(await page.getByTestId('usage-agents').innerText()).toContain('2 / ');
  expect(await page.getByTestId('plan-card-pro').innerText()).toMatch(/current plan/i);
  for (const id of ['subscribe-starter', 'change-plan-starter', 'cancel-subscription', 'payments-table', 'invoices-table']) expect(await page.getByTestId(id).count()).toBe(0);
  await suite.shot(page, 'agent');
});

test('an admin switches plan and cancels at the end of the period, each after confirming', async () => {
  const tenant = await payingTenant('starter');
  const page = await suite.logIn(tenant.registration, { path: '/app/billing' });

  await page.getByTestId('change-plan-pro').click(); // shown only while a plan is active
  expect(await page.getByTestId('confirm-change-pro').innerText()).toContain('₹3,999 / month from today');
  await page.getByTestId('confirm-change-plan-pro').click();
  await page.locator('[data-testid=subscription-plan]', { hasText: 'Pro' }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('subscription-plan').innerText()).toBe('Pro · ₹3,999 / month');
  expect(await page.getByTestId('plan-card-pro').locator('.badge').innerText()).toMatch(/current plan/i);
  expect(await page.getByTestId('confirm-change-pro').count()).toBe(0);

  await page.getByTestId('cancel-subscription').click();
  await page.getByTestId('cancel-at-cycle-end').click();
  await page
    .getByTestId('subscription-explanation')
    .getByText(/ends on/)
    .waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('subscription-status').innerText()).toMatch(/cancelling[\s\S]*ends on \d+ \w+ \d{4}\. You keep full access/i);
  await suite.shot(page, 'cancelled-at-cycle-end');
});
