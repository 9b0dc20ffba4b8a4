/**
 * "Send invite" while the mail server is down: the invitation is kept, the page says the email
 * failed and shows the link to pass on. Screenshot: test-results/screenshots/invite-mail-down.png.
 */
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import request from 'supertest';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { bearer, registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  // Nothing listens on port 1 of loopback: every SMTP connection is refused.
  app = await startTestApp({ withoutWorker: true, env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

test('a failed invitation email is said plainly, and the saved invitation’s link is shown instead', async () => {
  const owner = await registerTenant(app.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(owner.registration.email);
  await page.getByTestId('password-input').fill(owner.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.goto(`${app.url}/app/settings/team`);

  const invitee = `offline.${Date.now()}@example.com`;
  await page.getByTestId('invite-name-input').fill('Ravi Kumar');
  await page.getByTestId('invite-email-input').fill(invitee);
  await page.getByTestId('invite-submit').click();
  const result = page.getByTestId('invite-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('the email could not be sent');
  expect(await page.getByTestId('invite-email-status').innerText()).toContain('share this link with them yourself');
  const link = await page.getByTestId('invite-url').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'invite-mail-down.png'), fullPage: true });

  // The invitation exists and its link works.
  await page.getByTestId(`member-row-${invitee}`).filter({ hasText: 'invited' }).waitFor();
  const token = link.split('/invite/')[1];
  await request(app.url).post('/auth/invite/lookup').send({ token }).expect(200);
  const team = await request(app.url).get('/users').set(bearer(owner.accessToken)).expect(200);
  expect(team.body.data.find((m: { email: string }) => m.email === invitee)).toMatchObject({ status: 'invited' });
  await context.close();
});
