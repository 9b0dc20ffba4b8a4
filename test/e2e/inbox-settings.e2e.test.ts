/**
 * Settings → Canned responses and Labels in a real browser: create, edit, refuse a duplicate, delete.
 * Screenshots: test-results/screenshots/inbox-settings-*.png.
 */
import { type Page } from 'playwright-core';
import { registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('inbox-settings', { app: { withoutWorker: true } });

async function settingsTab(tab: 'canned-responses' | 'labels'): Promise<Page> {
  const { registration } = await registerTenant(suite.app.url);
  const page = await suite.logIn(registration, { path: `/app/settings/${tab}` });
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
  await suite.shot(page, 'canned');

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
  await suite.shot(page, 'labels');

  const row = page.getByTestId('label-row').filter({ hasText: 'VIP' });
  await row.getByTestId('label-delete').click();
  await row.getByTestId('label-delete-confirm').click();
  await page.getByTestId('labels-empty').waitFor();
});
