/**
 * Sign-up in a real browser against the real stack: register form → WhatsApp OTP (read from the
 * sandbox outbox) → dashboard with the trial banner. Screenshots land in test-results/screenshots.
 */
import { type Page } from 'playwright-core';
import { formatPhoneNumber } from '../../domain/phone-display';
import { submitSignUpDetails, type SignUpDetails } from '../support/app-pages';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('register', { app: { trialDays: 7 }, viewport: { width: 1280, height: 800 } });

function uniqueSignup(): SignUpDetails {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('');
  return {
    name: 'Priya Sharma',
    email: `e2e-${id}@example.com`,
    phone: `+9198${digits}`,
    workspace: `E2E Boutique ${id}`,
    password: 'Sunflower-2024',
  };
}

/** Opens /register, submits the details and waits for the OTP step. */
async function startRegistration(page: Page, signup: SignUpDetails): Promise<void> {
  await page.goto(`${suite.app.url}/register`);
  await submitSignUpDetails(page, signup);
  await page.getByTestId('otp-step').waitFor({ state: 'visible' });
}

/** The newest 6-digit code the platform sent to this phone, polled from the sandbox outbox. */
async function waitForOtp(phone: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${suite.app.url}/sandbox/outbox?to=${encodeURIComponent(phone)}`);
    if (res.ok) {
      const body = (await res.json()) as { data: { body: string }[] };
      const code = body.data.map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no OTP reached the sandbox outbox for ${phone}`);
}

async function registerThroughUi(page: Page, signup: SignUpDetails): Promise<void> {
  await startRegistration(page, signup);
  await page.getByTestId('otp-input').fill(await waitForOtp(signup.phone));
  await page.getByTestId('otp-submit').click();
  await page.waitForURL(`${suite.app.url}/app`);
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
}

test('a new business registers with the WhatsApp code and lands on its dashboard in trial', async () => {
  const page = await suite.newPage();
  const signup = uniqueSignup();

  await startRegistration(page, signup);
  expect(await page.getByTestId('otp-sent-to').innerText()).toContain(formatPhoneNumber(signup.phone));
  await page.getByTestId('otp-input').fill(await waitForOtp(signup.phone));
  await page.getByTestId('otp-submit').click();

  await page.waitForURL(`${suite.app.url}/app`);
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  expect(await page.getByTestId('workspace-name').innerText()).toBe(signup.workspace);

  const banner = page.getByTestId('trial-banner');
  await banner.waitFor({ state: 'visible' });
  expect(await banner.innerText()).toContain('Your free trial ends in 7 days');

  const nav = page.getByTestId('main-nav');
  expect(await nav.getByRole('link', { name: 'Inbox' }).isVisible()).toBe(true);
  expect(await nav.getByRole('link', { name: 'Billing' }).isVisible()).toBe(true);

  await suite.shot(page, 'dashboard');
});

test('a wrong code shows a clear error and keeps the user on the code step', async () => {
  const page = await suite.newPage();
  const signup = uniqueSignup();

  await startRegistration(page, signup);
  const realCode = await waitForOtp(signup.phone);
  const wrongCode = realCode === '000000' ? '111111' : '000000';
  await page.getByTestId('otp-input').fill(wrongCode);
  await page.getByTestId('otp-submit').click();

  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  expect(await alert.innerText()).toMatch(/code/i);
  expect(await page.getByTestId('otp-step').isVisible()).toBe(true);
  expect(await page.getByTestId('otp-input').isVisible()).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/register');

  await suite.shot(page, 'wrong-otp');
});

test('the session survives a reload (refresh cookie) and ends on logout', async () => {
  const page = await suite.newPage();
  await registerThroughUi(page, uniqueSignup());

  await page.reload();
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });

  await page.getByTestId('logout-button').click();
  await page.waitForURL(`${suite.app.url}/login`);
  await page.reload();
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  expect(new URL(page.url()).pathname).toBe('/login');
});
