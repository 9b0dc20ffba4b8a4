/**
 * Email ownership and recovery in a real browser: the verify-email banner and its link, and the
 * "Forgot password?" flow from the login page to a new password. Links are read from the sandbox
 * outbox as a sandbox user reads them. Screenshots land in test-results/screenshots.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
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
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** The link in the newest mail of `kind` to `email`. */
async function mailedLink(email: string, kind: string): Promise<string> {
  const res = await fetch(`${app.url}/sandbox/outbox?to=${encodeURIComponent(email)}`);
  const body = (await res.json()) as { data: { kind: string; body: string }[] };
  const link = /(https?:\/\/\S+#token=[\w-]+)/.exec(body.data.find((m) => m.kind === kind)?.body ?? '')?.[1];
  if (!link) throw new Error(`no ${kind} link in the outbox for ${email}`);
  return link;
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(email);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
}

test('a new admin sees the verify-email banner until the mailed link is opened', async () => {
  const tenant = await registerTenant(app.url);
  const page = await newPage();
  await logIn(page, tenant.registration.email, tenant.registration.password);

  const banner = page.getByTestId('verify-email-banner');
  await banner.waitFor({ state: 'visible' });
  expect(await banner.innerText()).toContain(tenant.registration.email);
  await page.screenshot({ path: join(SCREENSHOTS, 'verify-email-banner.png'), fullPage: true });

  await page.goto(await mailedLink(tenant.registration.email, 'email_verification'));
  await page.getByTestId('verify-email-done').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'verify-email-done.png'), fullPage: true });

  await page.getByTestId('verify-email-done').getByRole('link').click();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('verify-email-banner').count()).toBe(0);
});

test('a used verification link says so', async () => {
  const tenant = await registerTenant(app.url);
  const link = await mailedLink(tenant.registration.email, 'email_verification');
  const page = await newPage();
  await page.goto(link);
  await page.getByTestId('verify-email-done').waitFor({ state: 'visible' });
  await page.goto(`${app.url}/login`);
  await page.goto(link);
  const failed = page.getByTestId('verify-email-failed');
  await failed.waitFor({ state: 'visible' });
  expect(await failed.innerText()).toMatch(/invalid, expired or already used/);
});

test('"Forgot password?" mails a reset link; the new password works and the old one no longer does', async () => {
  const tenant = await registerTenant(app.url);
  const page = await newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('forgot-password-link').click();
  await page.waitForURL(`${app.url}/forgot-password`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('forgot-submit').click();
  await page.getByTestId('forgot-sent').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'forgot-password-sent.png'), fullPage: true });

  await page.goto(await mailedLink(tenant.registration.email, 'password_reset'));
  await page.getByTestId('password-input').fill('mismatch 1234567');
  await page.getByTestId('confirm-input').fill('other 1234567');
  expect(await page.getByTestId('confirm-error').innerText()).toBe('The passwords do not match.');
  expect(await page.getByTestId('reset-submit').isDisabled()).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'reset-password-form.png'), fullPage: true });

  const newPassword = 'Marigold-2025 new';
  await page.getByTestId('password-input').fill(newPassword);
  await page.getByTestId('confirm-input').fill(newPassword);
  await page.getByTestId('reset-submit').click();
  await page.getByTestId('reset-done').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'reset-password-done.png'), fullPage: true });

  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.getByRole('alert').waitFor({ state: 'visible' });
  expect(new URL(page.url()).pathname).toBe('/login');

  await logIn(page, tenant.registration.email, newPassword);
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
});
