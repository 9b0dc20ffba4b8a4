/**
 * Subscribing during the trial keeps its days (issue 11 item 4), in a real browser: before paying the
 * plan picker says the trial continues and when the first charge is; Razorpay's checkout asks only for
 * the ₹5 card authorisation; back in the app the banner says when the plan starts.
 * Screenshots: test-results/screenshots/billing-trial-kept-*.png.
 */
import { registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('billing-trial-kept', { viewport: { width: 1280, height: 900 } });

/** How the web app (en-IN) writes a day, e.g. "17 Dec 2026". */
const day = (date: Date) => date.toLocaleDateString('en-IN', { day: 'numeric', month: 'short', year: 'numeric' });

test('during the trial: the notice before paying, a ₹5 authorisation at checkout, and a banner naming the start date', async () => {
  const tenant = await registerTenant(suite.app.url);
  const row = await suite.app.db.system('tenants').where({ id: tenant.tenant.id }).first();
  const trialEnd = day(new Date(Math.ceil(row!.trial_ends_at.getTime() / 1000) * 1000));

  const page = await suite.logIn(tenant.registration, { path: '/app/billing' });

  const notice = page.getByTestId('checkout-timing');
  await notice.waitFor();
  expect(await notice.innerText()).toContain(`Your trial continues until ${trialEnd}; your first charge is on ${trialEnd}.`);
  expect(await notice.innerText()).toContain('Nothing is charged today');
  await suite.shot(page, 'notice');

  await page.getByTestId('subscribe-growth').click();
  await page.waitForURL((url) => url.toString().startsWith(`${suite.app.razorpay.url}/checkout/sub_`));
  expect(await page.getByTestId('amount').innerText()).toBe('₹5.00');
  expect(await page.getByTestId('authorisation-note').innerText()).toContain(`First charge on ${trialEnd}`);
  await suite.shot(page, 'checkout');
  await page.getByTestId('pay').click();

  await page.waitForURL((url) => url.toString().startsWith(`${suite.app.url}/app/billing`));
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
  await suite.shot(page, 'after-paying');

  await page.getByTestId('main-nav').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('plan-start-banner').innerText()).toContain(`starts on ${trialEnd}`);
  expect(await page.getByTestId('plan-starts').innerText()).toContain(`Starts on ${trialEnd}`);
  await suite.shot(page, 'dashboard');
});
