/**
 * Onboarding in a real browser (issue 11 items 2 and 3): the workspace id in Settings (copyable) with
 * the admin's Temporal UI link; honest "coming soon" marks on the sign-in panel; a "Get started"
 * checklist whose steps open real screens and tick from real state.
 * Screenshots: test-results/screenshots/onboarding-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';
import { connectTestNumber } from '../support/whatsapp-factories';

const suite = browserSuite('onboarding', { app: { withoutWorker: true } });

async function loggedIn(tenant: RegisteredTenant): Promise<Page> {
  const page = await suite.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.url });
  await page.goto(`${suite.app.url}/login`);
  await suite.shot(page, 'login-panel');
  await suite.signIn(page, tenant.registration);
  return page;
}

const stepDone = (page: Page, id: string) => page.getByTestId(`step-${id}`).getAttribute('data-done');

test('Settings shows the workspace id to copy, and the admin a Temporal UI link to its workflows', async () => {
  const tenant = await registerTenant(suite.app.url);
  const page = await loggedIn(tenant);
  expect(await page.getByTestId('dashboard-workspace-id').innerText()).toBe(tenant.tenant.id);

  await page.goto(`${suite.app.url}/app/settings`);
  await page.getByTestId('settings-workspace-tab').click();
  const id = page.getByTestId('workspace-id');
  await id.waitFor();
  expect(await id.inputValue()).toBe(tenant.tenant.id);
  await page.getByTestId('workspace-id-copy').click();
  await page.getByTestId('workspace-id-copy').filter({ hasText: 'Copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tenant.tenant.id);

  const link = page.getByTestId('temporal-ui-link');
  await link.waitFor();
  const href = new URL((await link.getAttribute('href'))!);
  expect(href.origin).toBe(new URL(suite.app.config.temporal.uiUrl).origin);
  expect(href.searchParams.get('query')).toBe(`AerosticTenantId="${tenant.tenant.id}"`);
  await suite.shot(page, 'workspace-id');
});

test('the sign-in panel marks what is coming soon; the checklist opens real screens and ticks from real state', async () => {
  const tenant = await registerTenant(suite.app.url);
  const page = await loggedIn(tenant);
  // Back on the login page's panel (logged out in a fresh context): every promise not yet built says so.
  const panel = await suite.browser.newPage();
  await panel.goto(`${suite.app.url}/login`);
  const soon = panel.getByTestId('pitch-soon');
  await soon.first().waitFor();
  for (const text of await soon.allInnerTexts()) expect(text).toMatch(/coming soon/i);
  expect((await soon.allInnerTexts()).join(' ')).toMatch(/broadcasts/i);
  for (const text of await panel.getByTestId('pitch-live').allInnerTexts()) expect(text).not.toMatch(/broadcast|automation|pipeline/i);
  await panel.close();

  // The sidebar marks the sections not built yet; the built ones carry no mark.
  const nav = page.getByTestId('main-nav');
  for (const path of ['contacts', 'pipeline', 'broadcasts', 'automations', 'templates', 'analytics']) {
    expect(await nav.getByTestId(`nav-${path}`).getByTestId('nav-soon').count()).toBe(1);
  }
  for (const path of ['inbox', 'settings', 'billing']) expect(await nav.getByTestId(`nav-${path}`).getByTestId('nav-soon').count()).toBe(0);

  const checklist = page.getByTestId('getting-started');
  await checklist.getByTestId('getting-started-progress').filter({ hasText: '0 of 5 done' }).waitFor();
  await suite.shot(page, 'checklist-empty');
  // No step leads to a "coming soon" page.
  for (const href of await checklist.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/app\/(settings\/(whatsapp|team|ai)|inbox|billing)$/);
  }

  await page.getByTestId('step-whatsapp_connected').getByRole('link').click();
  await page.waitForURL(`${suite.app.url}/app/settings/whatsapp`);
  await page.getByTestId('whatsapp-empty').waitFor();

  await connectTestNumber(suite.app, tenant.tenant.id);
  await request(suite.app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ enabled: true }).expect(200);
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await checklist.getByTestId('getting-started-progress').filter({ hasText: '2 of 5 done' }).waitFor();
  expect(await stepDone(page, 'whatsapp_connected')).toBe('true');
  expect(await stepDone(page, 'ai_enabled')).toBe('true');
  expect(await stepDone(page, 'teammate_invited')).toBe('false');
  expect(await stepDone(page, 'plan_chosen')).toBe('false');
  await suite.shot(page, 'checklist-ticked');
});
