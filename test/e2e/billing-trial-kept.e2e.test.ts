/**
 * Subscribing during the trial keeps its days (issue 11 item 4), in a real browser: before paying the
 * plan picker says the trial continues and when the first charge is; Razorpay's checkout asks only for
 * the ₹5 card authorisation; back in the app the banner says when the plan starts.
 * Screenshots: test-results/screenshots/billing-trial-kept-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
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
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
}, 60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `billing-trial-kept-${name}.png`), fullPage: true });
/** How the web app (en-IN) writes a day, e.g. "17 Dec 2026". */
const day = (date: Date) => date.toLocaleDateString('en-IN', { day: 'numeric', month: 'short', year: 'numeric' });

test('during the trial: the notice before paying, a ₹5 authorisation at checkout, and a banner naming the start date', async () => {
  const tenant = await registerTenant(app.url);
  const row = await app.db.system('tenants').where({ id: tenant.tenant.id }).first();
  const trialEnd = day(new Date(Math.ceil(row!.trial_ends_at.getTime() / 1000) * 1000));

  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.goto(`${app.url}/app/billing`);

  const notice = page.getByTestId('checkout-timing');
  await notice.waitFor();
  expect(await notice.innerText()).toContain(`Your trial continues until ${trialEnd}; your first charge is on ${trialEnd}.`);
  expect(await notice.innerText()).toContain('Nothing is charged today');
  await shot(page, 'notice');

  await page.getByTestId('subscribe-growth').click();
  await page.waitForURL((url) => url.toString().startsWith(`${app.razorpay.url}/checkout/sub_`));
  expect(await page.getByTestId('amount').innerText()).toBe('₹5.00');
  expect(await page.getByTestId('authorisation-note').innerText()).toContain(`First charge on ${trialEnd}`);
  await shot(page, 'checkout');
  await page.getByTestId('pay').click();

  await page.waitForURL((url) => url.toString().startsWith(`${app.url}/app/billing`));
  const confirmed = page.getByTestId('checkout-success');
  await confirmed.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await confirmed.innerText()).toMatch(new RegExp(`Card authorised[\\s\\S]*Growth plan starts on ${trialEnd}; nothing was charged today`));
  const banner = page.getByTestId('plan-start-banner');
  await banner.waitFor({ timeout: 10_000 });
  expect(await banner.innerText()).toBe(`Your Growth plan starts on ${trialEnd}; your free trial continues until then.`);
  expect(await page.getByTestId('trial-banner').count()).toBe(0);
  expect(await page.getByTestId('subscription-status').innerText()).toMatch(new RegExp(`Card authorised[\\s\\S]*Growth plan starts on ${trialEnd}`, 'i'));
  // No second checkout is offered for an authorised card.
  expect(await page.getByTestId('subscribe-starter').count()).toBe(0);
  expect(await page.getByTestId('checkout-timing').count()).toBe(0);
  await shot(page, 'after-paying');

  await page.getByTestId('main-nav').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('plan-start-banner').innerText()).toContain(`starts on ${trialEnd}`);
  expect(await page.getByTestId('plan-starts').innerText()).toContain(`Starts on ${trialEnd}`);
  await shot(page, 'dashboard');
});
