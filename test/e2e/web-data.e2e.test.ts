/**
 * The web app's keyed data cache (web/src/lib/): a workspace list changed elsewhere reaches an open
 * inbox without a reload, and nothing cached for one signed-in user is ever shown to the next one in
 * the same tab. Screenshots: test-results/screenshots/web-data-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { eventually } from '../support/eventually';

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

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `web-data-${name}.png`), fullPage: true });

async function createLabel(tenant: RegisteredTenant, name: string): Promise<void> {
  await request(app.url).post('/labels').set(bearer(tenant.accessToken)).send({ name }).expect(201);
}

/** Signs in through the login form; the app moves to /app without a page load. */
async function signIn(page: Page, tenant: RegisteredTenant): Promise<void> {
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
}

const labelOption = (page: Page, name: string) => page.getByTestId('inbox-filter-label').locator('option', { hasText: name });

test('a label added elsewhere reaches an open inbox live, and again when its tab is shown, without a reload', async () => {
  const tenant = await registerTenant(app.url);
  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await signIn(page, tenant);
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('inbox-filter-label').waitFor();
  // Joined: the first resync after connecting has come and gone.
  await page.locator('[data-testid=realtime-status][data-state=live]').waitFor();
  const loads: string[] = [];
  page.on('framenavigated', (frame) => loads.push(frame.url()));

  // As if from another tab or teammate: the server announces the new label (label.changed).
  await createLabel(tenant, 'Late payer');
  await labelOption(page, 'Late payer').waitFor({ state: 'attached', timeout: 5_000 });

  // Coming back to the tab reads the lists again too (for what has no event of its own); nothing is lost or reloaded.
  const reads: string[] = [];
  page.on('request', (r) => reads.push(new URL(r.url()).pathname));
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await eventually(async () => expect(reads).toContain('/labels'), 5_000);
  expect(await labelOption(page, 'Late payer').count()).toBe(1);
  expect(loads).toEqual([]);
  await shot(page, 'label-refreshed');
});

test("signing out and in as another workspace's user in the same tab never shows the first one's cached data", async () => {
  const first = await registerTenant(app.url);
  const second = await registerTenant(app.url);
  await createLabel(first, 'First-only secret');
  await createLabel(second, 'Second label');

  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await signIn(page, first);
  await page.getByTestId('nav-inbox').click();
  await labelOption(page, 'First-only secret').waitFor({ state: 'attached' });

  await page.getByTestId('logout-button').click();
  await page.waitForURL(/\/login/);
  // Hold the second user's label read back, so anything on screen meanwhile came from a cache.
  let labelReads = 0;
  await page.route(/\/labels(\?|$)/, async (route) => {
    labelReads += 1;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await signIn(page, second);
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('inbox-filter-label').waitFor();
  const seen: number[] = [];
  for (let i = 0; i < 8; i += 1) {
    seen.push(await labelOption(page, 'First-only secret').count());
    await page.waitForTimeout(100);
  }
  await labelOption(page, 'Second label').waitFor({ state: 'attached', timeout: 10_000 });
  seen.push(await labelOption(page, 'First-only secret').count());
  expect(seen).toEqual(Array(9).fill(0));
  expect(labelReads).toBeGreaterThan(0);
  await shot(page, 'second-user');
});
