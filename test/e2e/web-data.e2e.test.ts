/**
 * The web app's keyed data cache (web/src/lib/): a workspace list changed elsewhere reaches an open
 * inbox without a reload, and nothing cached for one signed-in user is ever shown to the next one in
 * the same tab. Screenshots: test-results/screenshots/web-data-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';
import { eventually } from '../support/eventually';

const suite = browserSuite('web-data', { app: { withoutWorker: true } });

async function createLabel(tenant: RegisteredTenant, name: string): Promise<void> {
  await request(suite.app.url).post('/labels').set(bearer(tenant.accessToken)).send({ name }).expect(201);
}

const labelOption = (page: Page, name: string) => page.getByTestId('inbox-filter-label').locator('option', { hasText: name });

test('a label added elsewhere reaches an open inbox live, and again when its tab is shown, without a reload', async () => {
  const tenant = await registerTenant(suite.app.url);
  const page = await suite.logIn(tenant.registration);
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
  await suite.shot(page, 'label-refreshed');
});

test("signing out and in as another workspace's user in the same tab never shows the first one's cached data", async () => {
  const first = await registerTenant(suite.app.url);
  const second = await registerTenant(suite.app.url);
  await createLabel(first, 'First-only secret');
  await createLabel(second, 'Second label');

  const page = await suite.logIn(first.registration);
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
  // Signs in through the login form; the app moves to /app without a page load.
  await suite.signIn(page, second.registration);
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
  await suite.shot(page, 'second-user');
});
