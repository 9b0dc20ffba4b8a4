/**
 * Issue 11 items 6, 11 and 16 in a real browser: a hand-off is counted on the tabs and in the sidebar,
 * waits under "Needs a human" for an agent and notifies them; labels and canned responses changed in
 * Settings reach an open inbox in another tab; the thread shows the newest message (a received image
 * included), the reply placeholder and the filters are not cut off, and "Random customer" does not
 * repeat names. Screenshots: test-results/screenshots/inbox-visibility-*.png.
 */
import { type Page } from 'playwright-core';
import request from 'supertest';
import { listedConversation } from '../inbox/inbox-world';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { openInbox } from '../support/app-pages';
import { browserSuite, type Credentials } from '../support/browser-suite';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

const suite = browserSuite('inbox-visibility', { viewport: { width: 1280, height: 800 } });

let tenant: RegisteredTenant;
let phoneNumberId: string;
/** The handed-off conversation of the first test, assigned to the admin at its end. */
let handedOffId: string;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
  phoneNumberId = (await connectTestNumber(suite.app, tenant.tenant.id)).phoneNumberId;
}, 240_000);

/** Records the notifications the page shows, the browser having granted the permission. */
const RECORD_NOTIFICATIONS = () => {
  const shown: { title: string; body?: string }[] = [];
  (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission = () => Promise.resolve('granted');
    onclick: (() => void) | null = null;
    constructor(title: string, options?: { body?: string }) {
      shown.push({ title, body: options?.body });
    }
    close() {}
  }
  (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
};

async function logIn(who: Credentials, options: { notifications?: boolean } = {}): Promise<Page> {
  const page = await suite.newPage();
  if (options.notifications) await page.context().addInitScript(RECORD_NOTIFICATIONS);
  await page.goto(`${suite.app.url}/login`);
  await suite.signIn(page, who);
  return page;
}

const count = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-count');

test('a hand-off is counted on the tabs and the sidebar, waits under "Needs a human" for the agent, and notifies them', async () => {
  const email = `agent.${Date.now()}@example.com`;
  const invited = await request(suite.app.url).post('/users/invite').set(bearer(tenant.accessToken)).send({ email, name: 'Ravi Agent', role: 'agent' }).expect(201);
  await request(suite.app.url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'a fine password 7' }).expect(200);

  const admin = await logIn(tenant.registration);
  await openInbox(admin, suite.app.url);
  const agent = await logIn({ email, password: 'a fine password 7' }, { notifications: true });
  await openInbox(agent, suite.app.url);
  expect(await agent.getByTestId('inbox-filter-needs-human').locator('input').isChecked()).toBe(true);
  expect(await admin.getByTestId('inbox-filter-needs-human').locator('input').isChecked()).toBe(false);
  await admin.locator('[data-testid=inbox-tab-count-pending][data-count="0"]').waitFor();

  await request(suite.app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ enabled: true, persona: 'Warm and brief.' }).expect(200);
  const waId = customerWaId();
  await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Nisha Kulkarni' }, 'Can you knit me a purple giraffe?');

  // The admin's Open tab stays selected, but the pending count and the sidebar badge say someone waits.
  await admin.locator('[data-testid=inbox-tab-count-pending][data-count="1"]').waitFor({ timeout: 15_000 });
  expect(await admin.getByTestId('nav-inbox-badge').innerText()).toBe('1');
  expect(await count(admin, 'inbox-needs-human-count')).toBe('1');
  await suite.shot(admin, 'admin-counts');

  // The agent sees it at once in the default view, with a browser notification.
  const row = agent.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`);
  await row.waitFor({ timeout: 15_000 });
  await agent.waitForFunction(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length > 0);
  const shown = await agent.evaluate(() => (window as unknown as { shownNotifications: { title: string; body?: string }[] }).shownNotifications);
  expect(shown).toEqual([{ title: 'Nisha Kulkarni needs a human', body: expect.stringMatching(/.+/) }]);
  expect(await agent.getByTestId('nav-inbox-badge').innerText()).toBe('1');
  await suite.shot(agent, 'agent-needs-human');

  // Taken by the admin, it no longer waits for the agent: gone from their view and their badge.
  await row.click();
  await agent.waitForURL(/\/app\/inbox\/.+/);
  handedOffId = agent.url().split('/').pop()!;
  await request(suite.app.url).post(`/conversations/${handedOffId}/assign`).set(bearer(tenant.accessToken)).send({ userId: tenant.user.id }).expect(200);
  await agent.getByTestId('nav-inbox-badge').waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });
  await admin.locator('[data-testid=inbox-tab-count-pending][data-count="1"]').waitFor();
});

test('labels and canned responses added in Settings reach an inbox open in another tab without a reload', async () => {
  const inbox = await logIn(tenant.registration);
  await openInbox(inbox, suite.app.url);
  await inbox.goto(`${suite.app.url}/app/inbox/${handedOffId}`);
  await inbox.getByTestId('composer-input').waitFor();
  const settings = await inbox.context().newPage();
  await settings.goto(`${suite.app.url}/app/settings/labels`);
  await settings.getByTestId('label-name-input').fill('Wholesale');
  await settings.getByTestId('label-submit').click();
  await inbox.locator('[data-testid=inbox-filter-label] option', { hasText: 'Wholesale' }).waitFor({ state: 'attached', timeout: 5_000 });

  await settings.goto(`${suite.app.url}/app/settings/canned-responses`);
  await settings.getByTestId('canned-shortcut-input').fill('giraffe');
  await settings.getByTestId('canned-body-input').fill('We do not knit giraffes yet, sorry!');
  await settings.getByTestId('canned-submit').click();
  await settings.locator('[data-testid=canned-row][data-shortcut=giraffe]').waitFor();

  await inbox.bringToFront();
  await inbox.getByTestId('composer-input').fill('/gir');
  await inbox.getByTestId('canned-option').filter({ hasText: 'We do not knit giraffes yet' }).waitFor({ timeout: 5_000 });
  await suite.shot(inbox, 'canned-live');
});

test('the thread opens on the newest message, a received image included; placeholder and filters are not cut off', async () => {
  const waId = customerWaId();
  const customer = suite.app.meta.customer(phoneNumberId);
  for (let i = 1; i <= 12; i++) await customer.send({ waId, name: 'Long Thread' }, `Message number ${i} with a few more words to fill the thread`);
  const page = await logIn(tenant.registration);
  await openInbox(page, suite.app.url);
  const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 300, height: 400 } });
  await customer.send({ waId, name: 'Long Thread' }, { type: 'image', mimeType: 'image/png', data: photo, caption: 'this one please' });
  const conversation = await listedConversation(suite.app, tenant, waId);
  await page.goto(`${suite.app.url}/app/inbox/${conversation.id}`);
  await page.getByTestId('thread-message').filter({ hasText: 'Message number 12' }).waitFor({ timeout: 15_000 });
  const img = page.locator('[data-testid=thread-messages] img').last();
  await img.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=thread-messages] img')].every((i) => i.complete && i.naturalHeight > 0));
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=thread-messages]')!;
    return el.scrollHeight - el.scrollTop - el.clientHeight < 4;
  });
  const box = (await img.boundingBox())!;
  const viewport = (await page.getByTestId('thread-messages').boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.y + viewport.height + 1);
  await suite.shot(page, 'thread-image');

  // The text each control shows fits its box (measured in its own font).
  const overflow = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const fits = (el: HTMLElement, text: string, reserve: number) => {
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - reserve;
      return { text, width: Math.ceil(ctx.measureText(text).width), room };
    };
    const input = document.querySelector<HTMLTextAreaElement>('[data-testid=composer-input]');
    const out = input ? [fits(input, input.placeholder, 0)] : [];
    for (const id of ['inbox-filter-owner', 'inbox-filter-mode', 'inbox-filter-label']) {
      const select = document.querySelector<HTMLSelectElement>(`[data-testid=${id}]`)!;
      // The arrow takes about 20px of the select's box.
      for (const option of select.options) out.push(fits(select, option.text, 20));
    }
    return out.filter((m) => m.width > m.room);
  });
  expect(overflow).toEqual([]);
});

test('"Random customer" in the phone simulator gives a new name each time', async () => {
  const page = await logIn(tenant.registration);
  await page.getByTestId('nav-simulator').click();
  await page.waitForURL(`${suite.app.url}/app/simulator`);
  const name = page.locator('input[name=customer-name]');
  const names: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.getByTestId('customer-random').click();
    names.push(await name.inputValue());
  }
  expect(new Set(names).size).toBe(10);
  await suite.shot(page, 'simulator-random');
});
