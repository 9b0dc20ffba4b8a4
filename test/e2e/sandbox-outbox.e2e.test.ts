/**
 * Issue 11 item 17: in sandbox mode the sign-up code is shown on the code step itself, in a panel
 * marked "Sandbox", and the outbox opened in a browser is a readable list rather than raw JSON.
 * (Outside sandbox mode the endpoints do not exist: test/sandbox/outbox-access.test.ts.)
 * Screenshots: test-results/screenshots/sandbox-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { latestOtp, newRegistration } from '../support/factories';
import { submitSignUpDetails } from '../support/app-pages';
import { browserSuite } from '../support/browser-suite';

// No wait before "Resend code" (its cooldown has its own test in auth-flows.e2e).
const suite = browserSuite('sandbox', { app: { env: { OTP_RESEND_COOLDOWN_SECONDS: '0' } } });

async function startRegistration(page: Page, signup: ReturnType<typeof newRegistration>): Promise<void> {
  await page.goto(`${suite.app.url}/register`);
  await submitSignUpDetails(page, signup);
  await page.getByTestId('otp-step').waitFor({ state: 'visible' });
}

test('the code step shows the code the platform sent in a "Sandbox" panel, and that code signs the user up', async () => {
  const page = await suite.newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);

  const panel = page.getByTestId('sandbox-code-panel');
  await panel.waitFor();
  const sent = await latestOtp(suite.app.url, signup.phone);
  await panel.getByTestId('sandbox-code').filter({ hasText: sent }).waitFor();
  expect(await panel.innerText()).toMatch(/sandbox/i);
  await suite.shot(page, 'otp-panel');

  await page.getByTestId('otp-input').fill((await panel.getByTestId('sandbox-code').innerText()).replace(/\D/g, ''));
  await page.getByTestId('otp-submit').click();
  await page.waitForURL(`${suite.app.url}/app`);
  await page.getByTestId('dashboard').waitFor();
});

test('a new code replaces the one in the panel', async () => {
  const page = await suite.newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);
  const first = await latestOtp(suite.app.url, signup.phone);
  await page.getByTestId('sandbox-code').filter({ hasText: first }).waitFor();

  await page.getByTestId('otp-resend').click();
  await page.getByTestId('otp-notice').waitFor();
  const second = await latestOtp(suite.app.url, signup.phone);
  await page.getByTestId('sandbox-code').filter({ hasText: second }).waitFor();
});

test('the outbox opened in the browser is a readable list of what was sent, not JSON', async () => {
  const page = await suite.newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);
  const code = await latestOtp(suite.app.url, signup.phone);

  await page.goto(`${suite.app.url}/sandbox/outbox?to=${encodeURIComponent(signup.phone)}`);
  const list = page.getByTestId('outbox-page');
  await list.waitFor();
  const item = list.getByTestId('outbox-item').first();
  await item.waitFor();
  expect(await item.innerText()).toContain(code);
  expect(await item.innerText()).toMatch(/sign-up code/i);
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('{"data"');
  expect(text).toMatch(/sandbox/i);
  await suite.shot(page, 'outbox-page');

  // Programs still get the JSON of SPEC §3 at the same address.
  const json = await request(suite.app.url).get('/sandbox/outbox').query({ to: signup.phone }).set('Accept', 'application/json').expect(200);
  expect(json.body.data[0]).toMatchObject({ to: signup.phone, kind: 'otp' });
});
