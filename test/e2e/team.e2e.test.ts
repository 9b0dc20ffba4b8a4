/**
 * Settings → Team in a real browser: the members table, an invitation, a role change and a
 * deactivation, each reflected in its row. Screenshots: test-results/screenshots/team-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { bearer, registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

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

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `team-${name}.png`), fullPage: true });

test('members are listed, invited, given a role and deactivated from their row', async () => {
  const tenant = await registerTenant(app.url);
  const { email, password } = tenant.registration;
  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(email);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.goto(`${app.url}/app/settings/team`);

  const self = page.getByTestId(`member-row-${email}`);
  await self.waitFor();
  expect(await self.innerText()).toContain('(you)');
  expect(await self.getByTestId('member-role').isDisabled()).toBe(true);
  expect(await self.getByTestId('member-deactivate').count()).toBe(0);

  const invitee = `asha.${Date.now()}@example.com`;
  await page.getByTestId('invite-name-input').fill('Asha Agent');
  await page.getByTestId('invite-email-input').fill(invitee);
  await page.getByTestId('invite-submit').click();
  await page.getByTestId('invite-url').waitFor();
  const row = page.getByTestId(`member-row-${invitee}`);
  await row.filter({ hasText: 'invited' }).waitFor();

  await row.getByTestId('member-role').selectOption('admin');
  await page.waitForFunction(
    (id) => (document.querySelector(`[data-testid="member-row-${id}"] [data-testid=member-role]`) as HTMLSelectElement | null)?.value === 'admin',
    invitee,
  );

  await row.getByTestId('member-deactivate').click();
  await row.getByTestId('member-reactivate').waitFor();
  expect(await row.getAttribute('class')).toContain('is-muted');
  expect(await row.getByTestId('member-role').isDisabled()).toBe(true);
  await shot(page, 'members');

  // The rows showed what the server stored.
  const listed = await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);
  expect(listed.body.data.find((m: { email: string }) => m.email === invitee)).toMatchObject({ name: 'Asha Agent', role: 'admin', status: 'deactivated' });
});
