/**
 * Issue 11 item 18: a logged-out page load is clean — a favicon, no /auth/refresh call without a
 * session (it answered 401 on every such load), no 404s and no console errors — while a signed-in
 * reload still restores the session. Screenshots: test-results/screenshots/logged-out-*.png.
 */
import { type Page } from 'playwright-core';
import { registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('logged-out', { viewport: { width: 1280, height: 800 } });

let tenant: RegisteredTenant;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
}, 240_000);

interface Traffic {
  paths: string[];
  failures: string[];
  consoleErrors: string[];
}

/** Every request the page makes, every answer of 400 or more, every console error. */
async function watchedPage(): Promise<{ page: Page; traffic: Traffic }> {
  const page = await suite.newPage();
  const traffic: Traffic = { paths: [], failures: [], consoleErrors: [] };
  page.on('request', (req) => traffic.paths.push(new URL(req.url()).pathname));
  page.on('response', (res) => {
    if (res.status() >= 400) traffic.failures.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') traffic.consoleErrors.push(msg.text());
  });
  return { page, traffic };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

test('a logged-out load of the login page asks for no refresh, meets no 404 and logs no error; it has a favicon', async () => {
  const { page, traffic } = await watchedPage();
  await page.goto(`${suite.app.url}/app`);
  await page.waitForURL(`${suite.app.url}/login`);
  await page.getByTestId('login-form').waitFor();
  await settle(page);

  const icon = await page.locator('link[rel=icon]').getAttribute('href');
  expect(icon).toBeTruthy();
  // What a browser asks for when a page names no icon, and what tabs and bookmarks fetch.
  for (const path of [icon!, '/favicon.ico']) {
    const res = await page.request.get(`${suite.app.url}${path}`);
    expect({ path, status: res.status(), type: res.headers()['content-type'] }).toEqual({ path, status: 200, type: expect.stringMatching(/^image\//) });
  }

  expect(traffic.paths).not.toContain('/auth/refresh');
  expect(traffic.failures).toEqual([]);
  expect(traffic.consoleErrors).toEqual([]);
  await suite.shot(page, 'login');
});

test('a signed-in reload restores the session through /auth/refresh; after logout a load asks nothing again', async () => {
  const { page, traffic } = await watchedPage();
  await page.goto(`${suite.app.url}/login`);
  await suite.signIn(page, tenant.registration);

  traffic.paths.length = 0;
  await page.reload();
  await page.getByTestId('dashboard').waitFor();
  expect(traffic.paths.filter((p) => p === '/auth/refresh')).toHaveLength(1);

  await page.getByTestId('logout-button').click();
  await page.waitForURL(`${suite.app.url}/login`);
  traffic.paths.length = 0;
  traffic.failures.length = 0;
  traffic.consoleErrors.length = 0;
  await page.reload();
  await page.getByTestId('login-form').waitFor();
  await settle(page);
  expect(traffic.paths).not.toContain('/auth/refresh');
  expect(traffic.failures).toEqual([]);
  expect(traffic.consoleErrors).toEqual([]);
  await suite.shot(page, 'after-logout');
});
