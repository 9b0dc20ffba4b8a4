/**
 * Issue 11, what the inbox tells an agent (items 1, 5, 7): who really handles a conversation, whether
 * the customer opted out, and what the customer hears after a hand-off. A customer writes through the
 * Meta simulator; the agent's browser shows it live.
 * Screenshots: test-results/screenshots/inbox-truth-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { openInbox } from '../support/app-pages';
import { browserSuite, type Credentials } from '../support/browser-suite';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

const suite = browserSuite('inbox-truth', { viewport: { width: 1440, height: 900 } });

let tenant: RegisteredTenant;
let phoneNumberId: string;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
  phoneNumberId = (await connectTestNumber(suite.app, tenant.tenant.id)).phoneNumberId;
}, 240_000);

async function loggedInInbox(credentials: Credentials): Promise<Page> {
  const page = await suite.logIn(credentials);
  await openInbox(page, suite.app.url);
  return page;
}

/** A new customer writes; their conversation is opened in the inbox. */
async function customerWritesAndIsOpened(page: Page, name: string, text: string): Promise<{ waId: string; row: ReturnType<Page['locator']> }> {
  const waId = customerWaId();
  await suite.app.meta.customer(phoneNumberId).send({ waId, name }, text);
  const row = page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`);
  await row.click();
  await page.getByTestId('conversation-view').getByTestId('thread-message').filter({ hasText: text }).waitFor();
  return { waId, row };
}

it('with the AI off, a new conversation is the team’s: not tagged AI, and the composer says who answers', async () => {
  const page = await loggedInInbox(tenant.registration);
  const { row } = await customerWritesAndIsOpened(page, 'Kabir Shah', 'Do you ship to Goa?');
  const view = page.getByTestId('conversation-view');

  await row.locator('[data-testid=conversation-mode][data-mode=agent]').waitFor();
  await view.locator('[data-testid=conversation-header] [data-testid=conversation-mode][data-mode=agent]').waitFor();
  const hint = view.getByTestId('composer-handler-hint');
  await hint.waitFor();
  expect(await hint.getAttribute('data-handler')).toBe('team');
  expect(await hint.innerText()).toMatch(/Your team handles this conversation/);
  expect(await view.getByTestId('composer-ai-hint').count()).toBe(0);
  // Handing the customer to an AI that is off would leave them with nobody.
  expect(await view.getByTestId('conversation-release').count()).toBe(0);
  await suite.shot(page, 'ai-off-team');

  await view.getByTestId('conversation-takeover').click();
  await view.getByTestId('conversation-assignee').filter({ hasText: 'Assigned to' }).waitFor();
  await view.locator('[data-testid=composer-handler-hint][data-handler=teammate]').waitFor();
});

it('STOP shows in the header before anyone sends, and START clears it without a reload', async () => {
  const page = await loggedInInbox(tenant.registration);
  const { waId } = await customerWritesAndIsOpened(page, 'Zoya Khan', 'hi there');
  const view = page.getByTestId('conversation-view');
  await view.getByTestId('composer-input').waitFor();
  expect(await view.getByTestId('conversation-opted-out').count()).toBe(0);

  await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Zoya Khan' }, 'STOP');
  await view.getByTestId('conversation-opted-out').waitFor();
  expect(await view.getByTestId('conversation-opted-out').innerText()).toMatch(/opted out/i);
  await view.getByTestId('composer-opted-out').waitFor();
  expect(await view.getByTestId('composer-input').count()).toBe(0);
  await suite.shot(page, 'opted-out');

  await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Zoya Khan' }, 'START');
  await view.getByTestId('conversation-opted-out').waitFor({ state: 'detached' });
  await view.getByTestId('composer-input').waitFor();
  await suite.shot(page, 'opted-in-again');
});

it('the hand-off message is set in AI settings (a too-long one is refused under its field) and the customer hears it after a hand-off', async () => {
  const admin = await registerTenant(suite.app.url);
  const number = (await connectTestNumber(suite.app, admin.tenant.id)).phoneNumberId;
  const page = await suite.logIn(admin.registration);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-ai-tab').click();
  const form = page.getByTestId('ai-settings-form');
  await form.waitFor();
  await form.getByText('The AI agent answers customers').click();

  await form.getByTestId('handoff-message-input').fill('x'.repeat(501));
  await form.getByTestId('handoff-message-error').waitFor();
  expect(await form.getByTestId('ai-settings-save').isDisabled()).toBe(true);
  expect(await form.getByTestId('handoff-message-error').innerText()).toMatch(/500 characters/);
  const stored = async () => (await request(suite.app.url).get('/ai/settings').set(bearer(admin.accessToken)).expect(200)).body;
  expect(await stored()).toMatchObject({ enabled: false, handoffMessage: null });

  const notice = 'Thanks! A teammate will reply shortly.';
  await form.getByTestId('handoff-message-input').fill(notice);
  await form.getByTestId('ai-settings-save').click();
  await page.getByTestId('ai-settings-saved').waitFor();
  expect(await stored()).toMatchObject({ enabled: true, handoffMessage: notice });
  await suite.shot(page, 'handoff-settings');

  await page.getByTestId('nav-inbox').click();
  await page.locator('[data-testid=realtime-status][data-state=live]').waitFor();
  // A hand-off moves the conversation to Pending, maybe before it ever shows under Open: look where it waits.
  await page.getByTestId('inbox-filter-needs-human').locator('input').check();
  suite.app.gemini.nextAnswers([{ handoff: false, confidence: 0.99 }]);
  const waId = customerWaId();
  await suite.app.meta.customer(number).send({ waId, name: 'Rohan Das' }, 'I want a refund for my order');
  await page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`).click();
  const view = page.getByTestId('conversation-view');
  const sent = view.locator('[data-testid=thread-message][data-direction=outbound]', { hasText: notice });
  await sent.getByTestId('sender-badge').filter({ hasText: 'System' }).waitFor();
  await view.locator('[data-testid=conversation-header] [data-testid=conversation-status][data-status=pending]').waitFor();
  await suite.shot(page, 'handoff-message');
});
