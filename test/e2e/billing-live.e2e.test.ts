/**
 * Paying during the trial, seen from open tabs (issue 11 item 4): the subscription workflow's
 * `subscription.updated` event makes every open tab drop the trial banner without a reload, and the
 * dashboard's plan card names the plan. Screenshots: test-results/screenshots/billing-live-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { subscribe, waitForStatus } from '../billing/helpers';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
}, 240_000);
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `billing-live-${name}.png`), fullPage: true });

test('after paying, other open tabs drop the trial banner at once and the plan card names the plan', async () => {
  const tenant = await registerTenant(app.url);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await context.newPage();
  await first.goto(`${app.url}/login`);
  await first.getByTestId('email-input').fill(tenant.registration.email);
  await first.getByTestId('password-input').fill(tenant.registration.password);
  await first.getByTestId('login-submit').click();
  await first.waitForURL(`${app.url}/app`);
  // A second tab of the same browser, on another page of the app.
  const second = await context.newPage();
  await second.goto(`${app.url}/app/settings/team`);
  for (const tab of [first, second]) {
    await tab.getByTestId('trial-banner').waitFor();
    // Marks this document: a reload would lose it.
    await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
  }
  expect(await first.getByTestId('trial-status').innerText()).toMatch(/free trial/i);
  await shot(first, 'before');

  // The admin pays in yet another tab (the checkout); these two only hear about it.
  const checkout = await subscribe(app, tenant, 'starter');
  await app.razorpay.pay(checkout.razorpaySubscriptionId);
  await waitForStatus(app, tenant, 'authenticated');
  // Paid during the trial: the card is authorised, the plan starts at the trial's end.
  for (const tab of [first, second]) {
    await tab.getByTestId('trial-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tab.getByTestId('plan-start-banner').innerText()).toMatch(/^Your Starter plan starts on \d+ \w+ \d{4}; your free trial continues until then\.$/);
  }
  await shot(second, 'authorised-other-tab');
  await app.razorpay.chargeNextCycle(checkout.razorpaySubscriptionId); // the trial's end: Razorpay's first charge
  await waitForStatus(app, tenant, 'active');

  for (const tab of [first, second]) {
    await tab.getByTestId('plan-start-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tab.getByTestId('trial-banner').count()).toBe(0);
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }
  const planName = first.getByTestId('plan-name');
  await planName.waitFor({ timeout: 10_000 });
  expect(await planName.innerText()).toBe('Starter plan');
  expect(await first.getByTestId('trial-status').innerText()).toMatch(/subscription active/i);
  await shot(first, 'after');
  await shot(second, 'after-other-tab');
});
