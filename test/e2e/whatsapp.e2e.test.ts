/**
 * Settings → WhatsApp in a real browser against the Meta simulator: Embedded Signup in a popup that
 * reports back to its opener, a cancelled dialog, and a Cloud API number added by form.
 * Screenshots: test-results/screenshots/whatsapp-*.png.
 */
import { type Page } from 'playwright-core';
import { registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('whatsapp');

async function settingsAsNewAdmin(): Promise<Page> {
  const { registration } = await registerTenant(suite.app.url);
  const page = await suite.logIn(registration, { path: '/app/settings' });
  await page.getByTestId('settings-whatsapp-tab').click();
  await page.getByTestId('whatsapp-empty').waitFor();
  return page;
}

/** Clicks "Connect WhatsApp" and answers Meta's dialog in the popup, which must then close itself. */
async function answerDialog(page: Page, decision: 'approve' | 'cancel'): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('connect-whatsapp').click()]);
  await popup.getByTestId(decision).waitFor();
  await suite.shot(popup, `dialog-${decision}`);
  await Promise.all([popup.waitForEvent('close', { timeout: 30_000 }), popup.getByTestId(decision).click()]);
}

test('Embedded Signup in a popup connects the number and the list refreshes', async () => {
  const page = await settingsAsNewAdmin();
  await suite.shot(page, 'empty');
  await answerDialog(page, 'approve');
  const result = page.getByTestId('whatsapp-connect-result');
  await result.waitFor();
  expect(await result.innerText()).toMatch(/WhatsApp connected/);
  const [account] = suite.app.meta.accounts().slice(-1);
  const row = page.getByTestId(`whatsapp-account-${account.phoneNumberId}`);
  await row.waitFor();
  expect(await row.innerText()).toMatch(/Connected[\s\S]*GREEN[\s\S]*Default/);
  await suite.shot(page, 'connected');
});

test('a cancelled dialog is explained on the page that opened it', async () => {
  const page = await settingsAsNewAdmin();
  await answerDialog(page, 'cancel');
  const result = page.getByTestId('whatsapp-connect-result');
  await result.waitFor();
  expect(await result.innerText()).toMatch(/cancelled in the Meta window/);
  await page.getByTestId('whatsapp-empty').waitFor();
});

test('the callback page shows ?error= clearly when it is not in a popup', async () => {
  const page = await settingsAsNewAdmin();
  await page.goto(`${suite.app.url}/app/settings/whatsapp?error=missing_permissions`);
  expect(await page.getByTestId('whatsapp-connect-result').innerText()).toMatch(/needs both WhatsApp permissions/);
});

test('a Cloud API number is added with the form; bad input is named under its field', async () => {
  const page = await settingsAsNewAdmin();
  const account = suite.app.meta.createAccount({ registered: false, subscribed: false });
  await page.getByTestId('waba-id-input').fill('not-a-number');
  expect(await page.getByTestId('cloud-init-submit').isDisabled()).toBe(true);
  expect(await page.getByTestId('waba-id-error').innerText()).toMatch(/numeric WABA id/);

  await page.getByTestId('waba-id-input').fill(account.wabaId);
  await page.getByTestId('phone-number-id-input').fill(account.phoneNumberId);
  await page.getByTestId('access-token-input').fill(`EAAG${'x'.repeat(40)}`);
  await page.getByTestId('cloud-init-submit').click();
  await page.getByTestId('form-alert').getByText('Meta did not accept this access token', { exact: false }).waitFor();
  await suite.shot(page, 'cloud-bad-token');

  await page.getByTestId('access-token-input').fill(account.token);
  await page.getByTestId('cloud-init-submit').click();
  await page.getByTestId(`whatsapp-account-${account.phoneNumberId}`).waitFor();
  await suite.shot(page, 'cloud-connected');
});
