/**
 * Settings → Knowledge base → "Test a question" runs the AI agent for real (knowledge search, prompt
 * with the persona, Gemini simulator, guardrails) and shows the reply, confidence, intent and whether
 * it would be sent or handed off, and why — without sending anything to anyone.
 * Screenshots: test-results/screenshots/ai-test-question-*.png.
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
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
}, 60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `ai-test-question-${name}.png`), fullPage: true });

const HOURS = 'We are open 9am to 6pm, Monday to Saturday. On Sundays the shop is closed.';

/** Asks, and waits for the answer to this question (not the previous one still on screen). */
async function ask(page: Page, question: string) {
  await page.getByTestId('knowledge-question-input').fill(question);
  await page.getByTestId('knowledge-test-submit').click();
  await page.locator(`[data-testid=knowledge-test-result][data-question="${question}"]`).waitFor();
}

test('a test question shows the AI’s reply in the persona’s voice, its confidence and intent, and the guardrails’ verdict', async () => {
  const tenant = await registerTenant(app.url);
  const auth = bearer(tenant.accessToken);
  await request(app.url).put('/ai/settings').set(auth).send({ persona: 'Your name is Priya. Be warm.' }).expect(200);
  await request(app.url).post('/ai/knowledge').set(auth).send({ title: 'Shop hours', format: 'text', content: HOURS }).expect(201);
  const sentBefore = app.meta.sent().length;

  const page = await (context = await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-knowledge-tab').click();
  await page.waitForURL(`${app.url}/app/settings/knowledge`);

  // Nothing typed: nothing to ask.
  expect(await page.getByTestId('knowledge-test-submit').isDisabled()).toBe(true);

  await ask(page, 'Is the shop closed on Sundays?');
  expect(await page.getByTestId('knowledge-test-reply').innerText()).toBe(
    `Hi, this is Priya from ${tenant.tenant.name}! On Sundays the shop is closed. Anything else I can help you with?`,
  );
  expect(await page.getByTestId('knowledge-test-confidence').innerText()).toBe('0.95 (threshold 0.70)');
  expect(await page.getByTestId('knowledge-test-intent').innerText()).toBe('question');
  expect(await page.getByTestId('knowledge-test-decision').innerText()).toBe('The AI would send this reply.');
  // The AI is still off: the box says customers would not get this yet.
  expect(await page.getByTestId('knowledge-test-ai-off').innerText()).toContain('The AI agent is off');
  expect(await page.getByTestId('knowledge-passage').first().innerText()).toMatch(/Shop hours[\s\S]*On Sundays the shop is closed/);
  await shot(page, 'reply');

  // Half the question is in the knowledge base: under the threshold, so people answer it.
  await ask(page, 'What are your opening hours?');
  expect(await page.getByTestId('knowledge-test-confidence').innerText()).toBe('0.68 (threshold 0.70)');
  expect(await page.getByTestId('knowledge-test-decision').innerText()).toBe('The AI would hand this to your team: its confidence 0.68 is below your threshold 0.70.');
  await shot(page, 'low-confidence');

  await ask(page, 'I want a refund for my order');
  expect(await page.getByTestId('knowledge-test-intent').innerText()).toBe('refund');
  expect(await page.getByTestId('knowledge-test-decision').innerText()).toBe('The AI would hand this to your team: needs a person: refund.');
  await page.getByTestId('knowledge-test-empty').waitFor();
  await shot(page, 'handoff');

  // Testing sends nothing to anyone.
  expect(app.meta.sent()).toHaveLength(sentBefore);
});
