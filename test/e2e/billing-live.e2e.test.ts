/**
 * Paying during the trial, seen from open tabs (issue 11 item 4): the subscription workflow's
 * `subscription.updated` event makes every open tab drop the trial banner without a reload, and the
 * dashboard's plan card names the plan. Screenshots: test-results/screenshots/billing-live-*.png.
 */
import { subscribe, waitForStatus } from '../billing/helpers';
import { registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('billing-live', { viewport: { width: 1280, height: 800 } });

test('after paying, other open tabs drop the trial banner at once and the plan card names the plan', async () => {
  const tenant = await registerTenant(suite.app.url);
  const first = await suite.logIn(tenant.registration);
  // A second tab of the same browser, on another page of the app.
  const second = await first.context().newPage();
  await second.goto(`${suite.app.url}/app/settings/team`);
  for (const tab of [first, second]) {
    await tab.getByTestId('trial-banner').waitFor();
    // Marks this document: a reload would lose it.
    await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
  }
  expect(await first.getByTestId('trial-status').innerText()).toMatch(/free trial/i);
  await suite.shot(first, 'before');

  // The admin pays in yet another tab (the checkout); these two only hear about it.
  const checkout = await subscribe(suite.app, tenant, 'starter');
  await suite.app.razorpay.pay(checkout.razorpaySubscriptionId);
  await waitForStatus(suite.app, tenant, 'authenticated');
  // Paid during the trial: the card is authorised, the plan starts at the trial's end.
  for (const tab of [first, second]) {
    await tab.getByTestId('trial-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tab.getByTestId('plan-start-banner').innerText()).toMatch(/^Your Starter plan starts on \d+ \w+ \d{4}; your free trial continues until then\.$/);
  }
  await suite.shot(second, 'authorised-other-tab');
  await suite.app.razorpay.chargeNextCycle(checkout.razorpaySubscriptionId); // the trial's end: Razorpay's first charge
  await waitForStatus(suite.app, tenant, 'active');

  for (const tab of [first, second]) {
    await tab.getByTestId('plan-start-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tab.getByTestId('trial-banner').count()).toBe(0);
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }
  const planName = first.getByTestId('plan-name');
  await planName.waitFor({ timeout: 10_000 });
  expect(await planName.innerText()).toBe('Starter plan');
  expect(await first.getByTestId('trial-status').innerText()).toMatch(/subscription active/i);
  await suite.shot(first, 'after');
  await suite.shot(second, 'after-other-tab');
});
