/**
 * Settings → AI agent and Knowledge base in a real browser: settings saved and read back (and a bad
 * value refused under its field, nothing saved), a document added, found by a test question, deleted,
 * and a PDF upload made searchable.
 * Screenshots: test-results/screenshots/ai-settings-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { browserSuite } from '../support/browser-suite';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';

const suite = browserSuite('ai-settings', { app: { withoutWorker: true }, viewport: { width: 1280, height: 900 } });

async function settingsTab(tab: 'ai' | 'knowledge'): Promise<{ page: Page; tenant: RegisteredTenant }> {
  const tenant = await registerTenant(suite.app.url);
  const page = await suite.logIn(tenant.registration);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-${tab}-tab`).click();
  await page.waitForURL(`${suite.app.url}/app/settings/${tab}`);
  return { page, tenant };
}

const storedSettings = async (tenant: RegisteredTenant) => (await request(suite.app.url).get('/ai/settings').set(bearer(tenant.accessToken)).expect(200)).body;

test('AI settings are saved and read back after a reload', async () => {
  const { page, tenant } = await settingsTab('ai');
  const form = page.getByTestId('ai-settings-form');
  await form.waitFor();
  await form.getByText('The AI agent answers customers').click();
  await form.getByTestId('persona-input').fill('You are Asha from Acme Fashion. Answer briefly and warmly.');
  await form.getByTestId('confidence-threshold-input').fill('0.8');
  await form.getByTestId('max-replies-input').fill('3');
  await form.getByTestId('blocked-intents-input').fill('Cancellation');
  await form.getByTestId('blocked-intents-input').press('Enter');
  await form.getByTestId('active-hours-input').selectOption('within_business_hours');
  await form.getByTestId('business-hours-add').click();
  await form.getByTestId('timezone-input').fill('Asia/Kolkata');
  await form.getByTestId('business-day-sat-open').check();
  await form.getByTestId('ai-settings-save').click();
  await page.getByTestId('ai-settings-saved').waitFor();
  await suite.shot(page, 'saved');

  expect(await storedSettings(tenant)).toMatchObject({
    enabled: true,
    persona: 'You are Asha from Acme Fashion. Answer briefly and warmly.',
    confidenceThreshold: 0.8,
    maxRepliesPerConversation: 3,
    blockedIntents: ['refund', 'legal', 'complaint', 'cancellation'],
    activeHours: 'within_business_hours',
    businessHours: { timezone: 'Asia/Kolkata', days: { mon: { open: '09:00', close: '18:00' }, sat: { open: '09:00', close: '18:00' } } },
  });

  await page.reload();
  await form.waitFor();
  expect(await form.getByTestId('ai-enabled-input').isChecked()).toBe(true);
  expect(await form.getByTestId('persona-input').inputValue()).toBe('You are Asha from Acme Fashion. Answer briefly and warmly.');
  expect(await form.getByTestId('confidence-threshold-input').inputValue()).toBe('0.8');
  expect((await form.getByTestId('blocked-intent').allInnerTexts()).map((t) => t.replace('×', '').trim())).toEqual(['refund', 'legal', 'complaint', 'cancellation']);
});

test('a confidence above 1 and hours that close before they open are refused under their fields; nothing is saved', async () => {
  const { page, tenant } = await settingsTab('ai');
  const before = await storedSettings(tenant);
  const form = page.getByTestId('ai-settings-form');
  await form.getByTestId('confidence-threshold-input').fill('1.5');
  await form.getByTestId('business-hours-add').click();
  await form.getByLabel('Monday closes').fill('08:00');
  await form.getByTestId('confidence-threshold-error').waitFor();
  expect(await form.getByTestId('ai-settings-save').isDisabled()).toBe(true);
  expect(await form.getByTestId('business-day-mon').innerText()).toMatch(/must be before close/i);
  await suite.shot(page, 'invalid');
  expect(await storedSettings(tenant)).toEqual(before);
});

test('a knowledge document is added, found by a test question, and deleted', async () => {
  const { page } = await settingsTab('knowledge');
  await page.getByTestId('knowledge-empty').waitFor();
  await page.getByTestId('knowledge-title-input').fill('Return policy');
  await page
    .getByTestId('knowledge-content-input')
    .fill('Returns\n\nYou can return any kurta within 30 days of delivery for a full refund, as long as the tags are still attached.');
  await page.getByTestId('knowledge-submit').click();
  const row = page.getByTestId('knowledge-row').filter({ hasText: 'Return policy' });
  await row.waitFor();

  await page.getByTestId('knowledge-question-input').fill('Can I return a kurta?');
  await page.getByTestId('knowledge-test-submit').click();
  const passage = page.getByTestId('knowledge-passage').first();
  await passage.waitFor();
  expect(await passage.innerText()).toMatch(/Return policy[\s\S]*within 30 days/);
  await suite.shot(page, 'knowledge');

  await page.getByTestId('knowledge-question-input').fill('Do you ship to Mars?');
  await page.getByTestId('knowledge-test-submit').click();
  await page.getByTestId('knowledge-test-empty').waitFor();

  await row.getByTestId('knowledge-delete').click();
  await row.getByTestId('knowledge-delete-confirm').click();
  await page.getByTestId('knowledge-empty').waitFor();
});

test('a PDF uploaded as a file becomes searchable knowledge', async () => {
  const { page } = await settingsTab('knowledge');
  // Any real PDF will do: Chromium prints one from a small page.
  const printer = await page.context().newPage();
  await printer.setContent('<h1>Shipping</h1><p>Delivery takes three to five working days anywhere in India.</p>');
  const pdf = await printer.pdf();
  await printer.close();

  await page.getByTestId('knowledge-source-file').check({ force: true });
  await page.getByTestId('knowledge-file-input').setInputFiles({ name: 'Shipping_FAQ.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByTestId('knowledge-submit').click();
  const row = page.getByTestId('knowledge-row').filter({ hasText: 'Shipping FAQ' });
  await row.waitFor();
  expect(await row.innerText()).toMatch(/PDF/);

  await page.getByTestId('knowledge-question-input').fill('How long does delivery take?');
  await page.getByTestId('knowledge-test-submit').click();
  expect(await page.getByTestId('knowledge-passage').first().innerText()).toMatch(/Shipping FAQ[\s\S]*three to five working days/);
});
