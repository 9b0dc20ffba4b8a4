/**
 * Issue 11 item 10: validation problems in plain words next to their field, and submit buttons that
 * stay off (saying why) while the input is invalid. Screenshots: test-results/screenshots/forms-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('forms', { app: { withoutWorker: true } });

/** Zod's own English, as people used to meet it under the fields. */
const RAW = /Too (small|big)|Invalid (input|option|string|email)|expected (string|number)|[<>]=/;
async function settingsTab(tab: 'labels' | 'ai' | 'team'): Promise<{ page: Page; tenant: RegisteredTenant }> {
  const tenant = await registerTenant(suite.app.url);
  const page = await suite.logIn(tenant.registration, { path: `/app/settings/${tab}` });
  return { page, tenant };
}

/** The field's message is tied to its input for screen readers, and the input is marked invalid. */
async function expectDescribedError(page: Page, field: string, words: string): Promise<void> {
  const error = page.getByTestId(`${field}-error`);
  await error.filter({ hasText: words }).waitFor();
  expect(await error.innerText()).toBe(words);
  const input = page.getByTestId(`${field}-input`);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await input.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
}

test('an empty label name says "Enter a name" under the field, and Add label stays off until there is one', async () => {
  const { page, tenant } = await settingsTab('labels');
  const submit = page.getByTestId('label-submit');
  await page.getByTestId('labels-empty').waitFor();
  expect(await submit.isDisabled()).toBe(true);
  expect(await page.getByTestId('label-submit-reason').innerText()).toBe('Name: Enter a name');
  expect(await submit.getAttribute('aria-describedby')).toBe(await page.getByTestId('label-submit-reason').getAttribute('id'));

  // What people did: spaces only, then Enter. It used to answer "Too small: expected string to have >=1 characters".
  await page.getByTestId('label-name-input').fill('   ');
  await page.getByTestId('label-name-input').press('Enter');
  await expectDescribedError(page, 'label-name', 'Enter a name');
  expect(await submit.isDisabled()).toBe(true);
  expect(await page.locator('body').innerText()).not.toMatch(RAW);
  await suite.shot(page, 'label-empty-name');
  expect((await request(suite.app.url).get('/labels').set(bearer(tenant.accessToken)).expect(200)).body.data).toEqual([]);

  await page.getByTestId('label-name-input').fill('VIP');
  expect(await page.getByTestId('label-name-error').count()).toBe(0);
  expect(await page.getByTestId('label-submit-reason').count()).toBe(0);
  await submit.click();
  await page.getByTestId('label-row').filter({ hasText: 'VIP' }).waitFor();
});

test('a confidence above 1 says "Must be 1 or less" under the field, and Save stays off saying why', async () => {
  const { page, tenant } = await settingsTab('ai');
  const form = page.getByTestId('ai-settings-form');
  await form.waitFor();
  const save = form.getByTestId('ai-settings-save');
  expect(await save.isDisabled()).toBe(false);

  // It used to answer "Too big: expected number to be <=1" after Save.
  await form.getByTestId('confidence-threshold-input').fill('1.5');
  await form.getByTestId('confidence-threshold-input').press('Enter');
  await expectDescribedError(page, 'confidence-threshold', 'Must be 1 or less');
  expect(await save.isDisabled()).toBe(true);
  expect(await form.getByTestId('ai-settings-save-reason').innerText()).toBe('Confidence needed to reply: Must be 1 or less');
  expect(await page.locator('body').innerText()).not.toMatch(RAW);
  await suite.shot(page, 'ai-threshold');

  await form.getByTestId('confidence-threshold-input').fill('');
  await expectDescribedError(page, 'confidence-threshold', 'Enter a number');
  expect(await save.isDisabled()).toBe(true);
  expect((await request(suite.app.url).get('/ai/settings').set(bearer(tenant.accessToken)).expect(200)).body.confidenceThreshold).toBe(0.7);

  await form.getByTestId('confidence-threshold-input').fill('0.8');
  expect(await save.isDisabled()).toBe(false);
  await save.click();
  await page.getByTestId('ai-settings-saved').waitFor();
  expect((await request(suite.app.url).get('/ai/settings').set(bearer(tenant.accessToken)).expect(200)).body.confidenceThreshold).toBe(0.8);
});

test('an invite to a half-typed address says "Enter a valid email address" and Send invite waits for a name', async () => {
  const { page } = await settingsTab('team');
  const submit = page.getByTestId('invite-submit');
  await page.getByTestId('invite-email-input').fill('priya@');
  await expectDescribedError(page, 'invite-email', 'Enter a valid email address');
  expect(await submit.isDisabled()).toBe(true);
  expect(await page.getByTestId('invite-submit-reason').innerText()).toBe('Email: Enter a valid email address');
  await page.getByTestId('invite-email-input').fill('priya@example.com');
  expect(await page.getByTestId('invite-submit-reason').innerText()).toBe('Name: Enter a name');
  expect(await page.getByTestId('invite-name-error').count()).toBe(0);
  expect(await page.locator('body').innerText()).not.toMatch(RAW);
  await suite.shot(page, 'invite');
});
