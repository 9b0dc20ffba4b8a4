/**
 * Email ownership and recovery in a real browser: the verify-email banner and its link, and the
 * "Forgot password?" flow from the login page to a new password. Links are read from the sandbox
 * outbox as a sandbox user reads them. Screenshots land in test-results/screenshots.
 */
import { browserSuite } from '../support/browser-suite';
import { registerTenant } from '../support/factories';

// The screenshots are named for their flow, not the file.
const suite = browserSuite('', { app: { withoutWorker: true }, viewport: { width: 1280, height: 800 } });

/** The link in the newest mail of `kind` to `email`. */
async function mailedLink(email: string, kind: string): Promise<string> {
  const res = await fetch(`${suite.app.url}/sandbox/outbox?to=${encodeURIComponent(email)}`);
  const body = (await res.json()) as { data: { kind: string; body: string }[] };
  const link = /(https?:\/\/\S+#token=[\w-]+)/.exec(body.data.find((m) => m.kind === kind)?.body ?? '')?.[1];
  if (!link) throw new Error(`no ${kind} link in the outbox for ${email}`);
  return link;
}

test('a new admin sees the verify-email banner until the mailed link is opened', async () => {
  const tenant = await registerTenant(suite.app.url);
  const page = await suite.logIn(tenant.registration);

  const banner = page.getByTestId('verify-email-banner');
  await banner.waitFor({ state: 'visible' });
  expect(await banner.innerText()).toContain(tenant.registration.email);
  await suite.shot(page, 'verify-email-banner');

  await page.goto(await mailedLink(tenant.registration.email, 'email_verification'));
  await page.getByTestId('verify-email-done').waitFor({ state: 'visible' });
  await suite.shot(page, 'verify-email-done');

  await page.getByTestId('verify-email-done').getByRole('link').click();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('verify-email-banner').count()).toBe(0);
});

test('a used verification link says so', async () => {
  const tenant = await registerTenant(suite.app.url);
  const link = await mailedLink(tenant.registration.email, 'email_verification');
  const page = await suite.newPage();
  await page.goto(link);
  await page.getByTestId('verify-email-done').waitFor({ state: 'visible' });
  await page.goto(`${suite.app.url}/login`);
  await page.goto(link);
  const failed = page.getByTestId('verify-email-failed');
  await failed.waitFor({ state: 'visible' });
  expect(await failed.innerText()).toMatch(/invalid, expired or already used/);
});

test('"Forgot password?" mails a reset link; the new password works and the old one no longer does', async () => {
  const tenant = await registerTenant(suite.app.url);
  const page = await suite.newPage();
  await page.goto(`${suite.app.url}/login`);
  await page.getByTestId('forgot-password-link').click();
  await page.waitForURL(`${suite.app.url}/forgot-password`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('forgot-submit').click();
  await page.getByTestId('forgot-sent').waitFor({ state: 'visible' });
  await suite.shot(page, 'forgot-password-sent');

  await page.goto(await mailedLink(tenant.registration.email, 'password_reset'));
  await page.getByTestId('password-input').fill('mismatch 1234567');
  await page.getByTestId('confirm-input').fill('other 1234567');
  expect(await page.getByTestId('confirm-error').innerText()).toBe('The passwords do not match.');
  expect(await page.getByTestId('reset-submit').isDisabled()).toBe(true);
  await suite.shot(page, 'reset-password-form');

  const newPassword = 'Marigold-2025 new';
  await page.getByTestId('password-input').fill(newPassword);
  await page.getByTestId('confirm-input').fill(newPassword);
  await page.getByTestId('reset-submit').click();
  await page.getByTestId('reset-done').waitFor({ state: 'visible' });
  await suite.shot(page, 'reset-password-done');

  await page.goto(`${suite.app.url}/login`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.getByRole('alert').waitFor({ state: 'visible' });
  expect(new URL(page.url()).pathname).toBe('/login');

  await page.goto(`${suite.app.url}/login`);
  await suite.signIn(page, { email: tenant.registration.email, password: newPassword });
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
});
