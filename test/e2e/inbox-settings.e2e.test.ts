/**
 * Settings → Canned responses and Labels in a real browser: create, edit, refuse a duplicate, delete.
 * Screenshots: test-results/screenshots/inbox-settings-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { registerTenant } from '../support/factories';
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

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `inbox-settings-${name}.png`), fullPage: true });

async function settingsTab(tab: 'canned-responses' | 'labels'): Promise<Page> {
  const { registration } = await registerTenant(app.url);
  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(registration.email);
  await page.getByTestId('password-input').fill(registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.goto(`${app.url}/app/settings/${tab}`);
  return page;
}

test('canned responses are created, edited, kept unique by shortcut, and deleted', async () => {
  const page = await settingsTab('canned-responses');
  await page.getByTestId('canned-empty').waitFor();
  await page.getByTestId('canned-shortcut-input').fill('/Hours');
  await page.getByTestId('canned-body-input').fill('We are open 10:00 to 20:00.');
  await page.getByTestId('canned-submit').click();
  const row = page.locator('[data-testid=canned-row][data-shortcut=hours]');
  await row.waitFor();

  await page.getByTestId('canned-shortcut-input').fill('hours');
  await page.getByTestId('canned-body-input').fill('Another text');
  await page.getByTestId('canned-submit').click();
  expect(await page.getByTestId('canned-shortcut-error').innerText()).toMatch(/already uses this shortcut/);

  await page.getByTestId('canned-shortcut-input').fill('bad shortcut!');
  expect(await page.getByTestId('canned-submit').isDisabled()).toBe(true);
  await page
    .getByTestId('canned-shortcut-error')
    .filter({ hasText: /Letters, digits/ })
    .waitFor();

  await row.getByTestId('canned-edit').click();
  await row.getByTestId('canned-edit-body-input').fill('We are open 10:00 to 21:00, every day.');
  await row.getByTestId('canned-edit-submit').click();
  await row.filter({ hasText: '21:00, every day' }).waitFor();
  await shot(page, 'canned');

  await row.getByTestId('canned-delete').click();
  await row.getByTestId('canned-delete-confirm').click();
  await page.getByTestId('canned-empty').waitFor();
});

test('labels are created with a colour, refused when the name is taken, and deleted', async () => {
  const page = await settingsTab('labels');
  await page.getByTestId('labels-empty').waitFor();
  await page.getByTestId('label-name-input').fill('VIP');
  await page.getByTestId('label-submit').click();
  await page.getByTestId('label-row').filter({ hasText: 'VIP' }).waitFor();

  await page.getByTestId('label-name-input').fill('vip');
  await page.getByTestId('label-submit').click();
  expect(await page.getByTestId('label-name-error').innerText()).toMatch(/already exists/);
  await shot(page, 'labels');

  const row = page.getByTestId('label-row').filter({ hasText: 'VIP' });
  await row.getByTestId('label-delete').click();
  await row.getByTestId('label-delete-confirm').click();
  await page.getByTestId('labels-empty').waitFor();
});
