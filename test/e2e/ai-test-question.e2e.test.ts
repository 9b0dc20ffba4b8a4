/**
 * Settings → Knowledge base → "Test a question" runs the AI agent for real (knowledge search, prompt
 * with the persona, Gemini simulator, guardrails) and shows the reply, confidence, intent and whether
 * it would be sent or handed off, and why — without sending anything to anyone.
 * Screenshots: test-results/screenshots/ai-test-question-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('ai-test-question', { app: { withoutWorker: true }, viewport: { width: 1280, height: 900 } });

const HOURS = 'We are open 9am to 6pm, Monday to Saturday. On Sundays the shop is closed.';

/** Asks, and waits for the answer to this question (not the previous one still on screen). */
async function ask(page: Page, question: string) {
  await page.getByTestId('knowledge-question-input').fill(question);
  await page.getByTestId('knowledge-test-submit').click();
  await page.locator(`[data-testid=knowledge-test-result][data-question="${question}"]`).waitFor();
}

test('a test question shows the AI’s reply in the persona’s voice, its confidence and intent, and the guardrails’ verdict', async () => {
  const tenant = await registerTenant(suite.app.url);
  const auth = bearer(tenant.accessToken);
  await request(suite.app.url).put('/ai/settings').set(auth).send({ persona: 'Your name is Priya. Be warm.' }).expect(200);
  await request(suite.app.url).post('/ai/knowledge').set(auth).send({ title: 'Shop hours', format: 'text', content: HOURS }).expect(201);
  const sentBefore = suite.app.meta.sent().length;

  const page = await suite.logIn(tenant.registration);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-knowledge-tab').click();
  await page.waitForURL(`${suite.app.url}/app/settings/knowledge`);

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
  await suite.shot(page, 'reply');

  // Half the question is in the knowledge base: under the threshold, so people answer it.
  await ask(page, 'What are your opening hours?');
  expect(await page.getByTestId('knowledge-test-confidence').innerText()).toBe('0.68 (threshold 0.70)');
  expect(await page.getByTestId('knowledge-test-decision').innerText()).toBe('The AI would hand this to your team: its confidence 0.68 is below your threshold 0.70.');
  await suite.shot(page, 'low-confidence');

  await ask(page, 'I want a refund for my order');
  expect(await page.getByTestId('knowledge-test-intent').innerText()).toBe('refund');
  expect(await page.getByTestId('knowledge-test-decision').innerText()).toBe('The AI would hand this to your team: needs a person: refund.');
  await page.getByTestId('knowledge-test-empty').waitFor();
  await suite.shot(page, 'handoff');

  // Testing sends nothing to anyone.
  expect(suite.app.meta.sent()).toHaveLength(sentBefore);
});
