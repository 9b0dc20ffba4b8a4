/**
 * Issue 11 item 17: in sandbox mode the sign-up code is shown on the code step itself, in a panel
 * marked "Sandbox", and the outbox opened in a browser is a readable list rather than raw JSON.
 * (Outside sandbox mode the endpoints do not exist: test/sandbox/outbox-access.test.ts.)
 * Screenshots: test-results/screenshots/sandbox-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { latestOtp, newRegistration } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // No wait before "Resend code" (its cooldown has its own test in auth-flows.e2e).
  app = await startTestApp({ env: { OTP_RESEND_COOLDOWN_SECONDS: '0' } });
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

async function newPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function startRegistration(page: Page, signup: ReturnType<typeof newRegistration>): Promise<void> {
  await page.goto(`${app.url}/register`);
  await page.getByTestId('name-input').fill(signup.name);
  await page.getByTestId('email-input').fill(signup.email);
  await page.getByTestId('phone-input').fill(signup.phone);
  await page.getByTestId('workspace-input').fill(signup.workspace);
  await page.getByTestId('password-input').fill(signup.password);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('otp-step').waitFor({ state: 'visible' });
}

test('the code step shows the code the platform sent in a "Sandbox" panel, and that code signs the user up', async () => {
  const page = await newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);

  const panel = page.getByTestId('sandbox-code-panel');
  await panel.waitFor();
  const sent = await latestOtp(app.url, signup.phone);
  await panel.getByTestId('sandbox-code').filter({ hasText: sent }).waitFor();
  expect(await panel.innerText()).toMatch(/sandbox/i);
  await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-otp-panel.png'), fullPage: true });

  await page.getByTestId('otp-input').fill((await panel.getByTestId('sandbox-code').innerText()).replace(/\D/g, ''));
  await page.getByTestId('otp-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.getByTestId('dashboard').waitFor();
});

test('a new code replaces the one in the panel', async () => {
  const page = await newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);
  const first = await latestOtp(app.url, signup.phone);
  await page.getByTestId('sandbox-code').filter({ hasText: first }).waitFor();

  await page.getByTestId('otp-resend').click();
  await page.getByTestId('otp-notice').waitFor();
  const second = await latestOtp(app.url, signup.phone);
  await page.getByTestId('sandbox-code').filter({ hasText: second }).waitFor();
});

test('the outbox opened in the browser is a readable list of what was sent, not JSON', async () => {
  const page = await newPage();
  const signup = newRegistration();
  await startRegistration(page, signup);
  const code = await latestOtp(app.url, signup.phone);

  await page.goto(`${app.url}/sandbox/outbox?to=${encodeURIComponent(signup.phone)}`);
  const list = page.getByTestId('outbox-page');
  await list.waitFor();
  const item = list.getByTestId('outbox-item').first();
  await item.waitFor();
  expect(await item.innerText()).toContain(code);
  expect(await item.innerText()).toMatch(/sign-up code/i);
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('{"data"');
  expect(text).toMatch(/sandbox/i);
  await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-outbox-page.png'), fullPage: true });

  // Programs still get the JSON of SPEC §3 at the same address.
  const json = await request(app.url).get('/sandbox/outbox').query({ to: signup.phone }).set('Accept', 'application/json').expect(200);
  expect(json.body.data[0]).toMatchObject({ to: signup.phone, kind: 'otp' });
});
