/**
 * Issue 11 items 13-15 in a real browser: a sign-up that survives a reload on "Verify your number",
 * "Log in instead" as a real link, an invite page that names its workspace, and "Send invite" that
 * emails the invitation. Screenshots: test-results/screenshots/auth-flows-*.png.
 */
import request from 'supertest';
import { bearer, latestOtp, newRegistration, registerTenant } from '../support/factories';
import { submitSignUpDetails } from '../support/app-pages';
import { browserSuite } from '../support/browser-suite';
import { formatPhoneNumber } from '../../domain/phone-display';

// Long enough to watch the countdown, short enough to see it end.
const COOLDOWN_SECONDS = 8;

const suite = browserSuite('auth-flows', { app: { withoutWorker: true, env: { OTP_RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } }, viewport: { width: 1280, height: 900 } });

const codesSentTo = async (phone: string) => Number((await suite.app.db.system('platform_notifications').where({ to_phone: phone, kind: 'otp' }).count({ n: '*' }))[0].n);

test('a reload on "Verify your number" keeps the sign-up; Continue again sends no new code; "Resend code" counts down', async () => {
  const page = await suite.newPage();
  const signup = newRegistration();
  await page.goto(`${suite.app.url}/register`);
  await submitSignUpDetails(page, signup);
  await page.getByTestId('otp-step').waitFor();
  const resend = page.getByTestId('otp-resend');
  expect(await resend.isDisabled()).toBe(true);
  expect(await resend.innerText()).toMatch(/Resend code in 0:0\d/);

  await page.reload();
  await page.getByTestId('otp-step').waitFor();
  expect(await page.getByTestId('otp-sent-to').innerText()).toContain(formatPhoneNumber(signup.phone));
  // The password never sat in the browser: after a reload it is asked again, beside the code.
  await page.getByTestId('password-input').waitFor();
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(signup.password);
  await suite.shot(page, 'verify-after-reload');

  // Back to the details (filled in again from the session), then Continue: the pending code is reused.
  await page.getByTestId('otp-back').click();
  expect(await page.getByTestId('email-input').inputValue()).toBe(signup.email);
  expect(await page.getByTestId('workspace-input').inputValue()).toBe(signup.workspace);
  await page.getByTestId('password-input').fill(signup.password);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('otp-step').waitFor();
  expect(await codesSentTo(signup.phone)).toBe(1);

  // The cooldown ends, the button says so, and a new code replaces the old one.
  await page.waitForFunction(
    () => {
      const button = document.querySelector('[data-testid="otp-resend"]') as HTMLButtonElement | null;
      return button !== null && !button.disabled && button.textContent === 'Resend code';
    },
    undefined,
    { timeout: (COOLDOWN_SECONDS + 5) * 1000 },
  );
  await resend.click();
  await page.getByTestId('otp-notice').waitFor();
  expect(await codesSentTo(signup.phone)).toBe(2);
  expect(await resend.isDisabled()).toBe(true);
  await suite.shot(page, 'verify-resent');

  await page.reload();
  await page.getByTestId('otp-input').fill(await latestOtp(suite.app.url, signup.phone));
  await page.getByTestId('password-input').fill(signup.password);
  await page.getByTestId('otp-submit').click();
  await page.waitForURL(`${suite.app.url}/app`);
  expect(await page.getByTestId('workspace-name').innerText()).toBe(signup.workspace);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('"An account with this email already exists" links to the login page with the email filled in', async () => {
  const existing = await registerTenant(suite.app.url);
  const page = await suite.newPage();
  const signup = newRegistration({ email: existing.registration.email });
  await page.goto(`${suite.app.url}/register`);
  await submitSignUpDetails(page, signup);
  await page.getByTestId('otp-step').waitFor();
  await page.getByTestId('otp-input').fill(await latestOtp(suite.app.url, signup.phone));
  await page.getByTestId('otp-submit').click();

  await page.getByTestId('email-error').waitFor();
  expect(await page.getByTestId('email-error').innerText()).toBe('An account with this email already exists.');
  const link = page.getByTestId('email-taken-login').getByRole('link');
  await suite.shot(page, 'email-taken');
  await link.click();
  await page.waitForURL(/\/login\?email=/);
  expect(await page.getByTestId('email-input').inputValue()).toBe(existing.registration.email);
  await page.getByTestId('password-input').fill(existing.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${suite.app.url}/app`);
});

test('the invite page names the workspace, who invited and the role, and offers no trial; a bad link says so', async () => {
  const owner = await registerTenant(suite.app.url, { name: 'Meera Iyer' });
  const email = `anita.${Date.now()}@example.com`;
  const invited = await request(suite.app.url).post('/users/invite').set(bearer(owner.accessToken)).send({ email, name: 'Anita', role: 'agent' }).expect(201);

  const page = await suite.newPage();
  await page.goto(`${suite.app.url}/invite/${invited.body.inviteToken}`);
  await page.getByTestId('invite-summary').waitFor();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Join ${owner.tenant.name}`);
  expect(await page.getByTestId('invite-summary').innerText()).toBe(`Meera Iyer invited ${email} to join as an agent. Choose a password to accept.`);
  expect(await page.locator('body').innerText()).not.toMatch(/trial/i);
  await suite.shot(page, 'invite-page');

  await page.getByTestId('password-input').fill('a fine password 7');
  await page.getByTestId('confirm-input').fill('a fine password 7');
  await page.getByTestId('invite-submit').click();
  await page.waitForURL(`${suite.app.url}/app`);

  // The same link again, now used: the page says what is wrong instead of offering a form.
  const again = await suite.newPage();
  await again.goto(`${suite.app.url}/invite/${invited.body.inviteToken}`);
  await again.getByTestId('invite-invalid').waitFor();
  expect(await again.getByTestId('invite-invalid').innerText()).toContain('invalid, expired or already used');
  expect(await again.getByTestId('invite-form').count()).toBe(0);
  await suite.shot(again, 'invite-used');
});

test('"Send invite" emails the invitation (it arrives in the sandbox outbox) and shows its link once, to copy', async () => {
  const owner = await registerTenant(suite.app.url, { name: 'Meera Iyer' });
  const page = await suite.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url });
  await page.goto(`${suite.app.url}/login`);
  await suite.signIn(page, owner.registration);
  await page.goto(`${suite.app.url}/app/settings/team`);

  const invitee = `ravi.${Date.now()}@example.com`;
  await page.getByTestId('invite-name-input').fill('Ravi Kumar');
  await page.getByTestId('invite-email-input').fill(invitee);
  await page.getByTestId('invite-submit').click();
  const result = page.getByTestId('invite-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('Invitation emailed to Ravi Kumar');
  const shown = await page.getByTestId('invite-url').inputValue();

  const outbox = await request(suite.app.url).get('/sandbox/outbox').query({ to: invitee }).expect(200);
  expect(outbox.body.data).toHaveLength(1);
  expect(outbox.body.data[0].kind).toBe('team_invite');
  expect(outbox.body.data[0].body).toContain(`Meera Iyer invited you to ${owner.tenant.name}`);
  expect(outbox.body.data[0].body).toContain(shown);

  await page.getByTestId('invite-copy').click();
  await page.getByTestId('invite-copy').filter({ hasText: 'Copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  await suite.shot(page, 'invite-sent');

  // Shown once: after a reload the team lists the invitee, and the link is nowhere on the page.
  await page.reload();
  await page.getByTestId(`member-row-${invitee}`).waitFor();
  expect(await page.content()).not.toContain(shown);
});
