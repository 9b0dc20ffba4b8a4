/**
 * The live inbox in a real browser (SPEC §2.6): a customer writes through the Meta simulator, the
 * conversation appears in the agent's open inbox by itself, the agent takes over from the AI and
 * replies, and the reply reaches the customer with its ticks.
 * Screenshots: test-results/screenshots/inbox-*.png.
 */
import { type Page } from 'playwright-core';
import type { Socket } from 'socket.io';
import request from 'supertest';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { openInbox } from '../support/app-pages';
import { browserSuite } from '../support/browser-suite';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

const suite = browserSuite('inbox', { viewport: { width: 1440, height: 900 } });

let tenant: RegisteredTenant;
let phoneNumberId: string;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
  phoneNumberId = (await connectTestNumber(suite.app, tenant.tenant.id)).phoneNumberId;
}, 240_000);

test('an inbound message appears live; the agent takes over, replies, and the customer receives it with ticks', async () => {
  const page = await suite.logIn(tenant.registration);
  await openInbox(page, suite.app.url);
  await page.getByTestId('conversation-list-empty').waitFor();

  const waId = customerWaId();
  const result = await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Meera Iyer' }, 'Is the blue kurta still in stock?');
  expect(result.delivery.status).toBe(200);
  const accepted = Date.now();
  const row = page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`);
  await row.waitFor({ timeout: 10_000 });
  const elapsedMs = Date.now() - accepted;
  // SPEC §2.6: new messages appear in every open browser of the tenant within a second.
  expect(elapsedMs).toBeLessThan(1_000);
  expect(await row.innerText()).toMatch(/Meera Iyer/);
  await expect(row.getByTestId('unread-badge').innerText()).resolves.toBe('1');
  await suite.shot(page, 'inbound');

  await row.click();
  const view = page.getByTestId('conversation-view');
  await view.getByTestId('thread-message').filter({ hasText: 'Is the blue kurta still in stock?' }).waitFor();
  // Opening it marks it read: the badge goes, in this browser and in the stored conversation.
  await row.getByTestId('unread-badge').waitFor({ state: 'detached' });
  await eventually(async () => expect(await suite.app.db.system('conversations').where({ tenant_id: tenant.tenant.id }).first()).toMatchObject({ unread_count: 0 }));

  // The workspace's AI is off, so the team has it from the start; taking it over makes it the agent's.
  await view.getByTestId('conversation-takeover').click();
  await view.locator('[data-testid=conversation-header] [data-testid=conversation-mode][data-mode=agent]').waitFor();
  await view.getByTestId('conversation-assignee').filter({ hasText: 'Assigned to' }).waitFor();

  const reply = 'Yes! Sizes S to XL, shall I keep one for you?';
  await view.getByTestId('composer-input').fill(reply);
  await view.getByTestId('composer-input').press('Enter');

  const received = await eventually(async () => {
    const found = suite.app.meta.sent({ phoneNumberId, to: waId }).find((m) => (m.body.text as { body?: string } | undefined)?.body === reply);
    if (!found) throw new Error(`the Meta simulator has no reply for ${waId} yet`);
    return found;
  });
  expect(received).toMatchObject({ type: 'text', waId });

  const outbound = view.locator('[data-testid=thread-message][data-direction=outbound]', { hasText: reply });
  await outbound.getByTestId('sender-badge').filter({ hasText: 'Agent' }).waitFor();
  await outbound.locator('[data-testid=delivery-ticks][data-status=read]').waitFor();
  expect(await view.getByTestId('composer-input').inputValue()).toBe('');
  await suite.shot(page, 'takeover-reply');
});

/** A conversation started by a new customer, opened in the inbox; returns the customer's wa_id. */
async function openNewConversation(page: Page, text: string): Promise<string> {
  const waId = customerWaId();
  await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Arjun Nair' }, text);
  await page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`).click();
  await page.getByTestId('conversation-view').getByTestId('thread-message').filter({ hasText: text }).waitFor();
  return waId;
}

const sentTo = (waId: string, match: (body: Record<string, any>) => boolean) =>
  eventually(async () => {
    const found = suite.app.meta.sent({ phoneNumberId, to: waId }).find((m) => match(m.body));
    if (!found) throw new Error(`nothing matching was sent to ${waId}`);
    return found;
  });

test('"/" inserts a canned response, labels and notes go on the conversation, and the row can be filtered by label', async () => {
  const api = request(suite.app.url);
  await api.post('/canned-responses').set(bearer(tenant.accessToken)).send({ shortcut: 'hours', body: 'We are open 10:00 to 20:00, Monday to Saturday.' }).expect(201);
  await api.post('/canned-responses').set(bearer(tenant.accessToken)).send({ shortcut: 'thanks', body: 'Thank you for shopping with us!' }).expect(201);
  const vip = (await api.post('/labels').set(bearer(tenant.accessToken)).send({ name: 'VIP', color: '#d93025' }).expect(201)).body;

  const page = await suite.logIn(tenant.registration);
  await openInbox(page, suite.app.url);
  const waId = await openNewConversation(page, 'When are you open?');
  const view = page.getByTestId('conversation-view');

  const input = view.getByTestId('composer-input');
  await input.fill('Hi! /ho');
  const picker = view.getByTestId('canned-picker');
  await picker.getByTestId('canned-option').filter({ hasText: '/hours' }).waitFor();
  // "/hours" starts with "ho" and comes first; "/thanks" only mentions shopping.
  expect((await picker.getByTestId('canned-option').allInnerTexts()).map((t) => t.split('\n')[0])).toEqual(['/hours', '/thanks']);
  await suite.shot(page, 'canned');
  await input.press('Enter');
  await picker.waitFor({ state: 'detached' });
  expect(await input.inputValue()).toBe('Hi! We are open 10:00 to 20:00, Monday to Saturday.');
  await input.press('Enter');
  await sentTo(waId, (b) => b.text?.body === 'Hi! We are open 10:00 to 20:00, Monday to Saturday.');

  await view.getByTestId('label-add').selectOption(vip.id);
  await view.getByTestId('labels-panel').getByTestId('label-chip').filter({ hasText: 'VIP' }).waitFor();
  await view.getByTestId('note-input').fill('Asked about weekend hours; wants a call back.');
  await view.getByTestId('note-submit').click();
  await view.getByTestId('note').filter({ hasText: 'wants a call back' }).waitFor();

  await page.getByTestId('inbox-filter-label').selectOption(vip.id);
  await page.locator('[data-testid=conversation-list]:not([aria-busy])').waitFor();
  expect(await page.getByTestId('conversation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-phone')))).toEqual([`+${waId}`]);
  await page.getByTestId('conversation-row').getByTestId('label-chip').filter({ hasText: 'VIP' }).waitFor();
  await suite.shot(page, 'labels-notes');
});

test('once the 24-hour window has closed the composer offers approved templates, and one is sent', async () => {
  const page = await suite.logIn(tenant.registration);
  await openInbox(page, suite.app.url);
  const waId = await openNewConversation(page, 'Hello?');
  const view = page.getByTestId('conversation-view');
  await view
    .getByTestId('window-countdown')
    .filter({ hasText: /closes in 23h/ })
    .waitFor();

  // The customer last wrote 25 hours ago: only a template may be sent now.
  const conversationId = await view.getAttribute('data-conversation-id');
  await suite.app.db
    .system('conversations')
    .where({ id: conversationId! })
    .update({ last_inbound_at: new Date(Date.now() - 25 * 3_600_000) });
  await page.reload();
  const composer = page.getByTestId('template-composer');
  await composer.waitFor();
  expect(await page.getByTestId('composer-input').count()).toBe(0);
  expect(await page.getByTestId('template-input').inputValue()).toBe('hello_world|en_US');
  expect(await composer.getByTestId('template-preview').innerText()).toMatch(/Welcome and congratulations/);
  await suite.shot(page, 'template');
  await composer.getByTestId('template-send').click();

  await sentTo(waId, (b) => b.type === 'template' && b.template?.name === 'hello_world');
  await view.locator('[data-testid=thread-message][data-direction=outbound]', { hasText: 'hello_world' }).waitFor();
});

test('when the server drops the socket, the inbox reconnects with a fresh token and catches up on what it missed', async () => {
  // What each socket of this tenant presented and was sent, seen from the server.
  const sockets: { auth: { token?: string; lastSeq?: number }; sent: { event: string; seq?: number }[] }[] = [];
  const record = (socket: Socket) => {
    const entry = { auth: socket.handshake.auth as { token?: string; lastSeq?: number }, sent: [] as { event: string; seq?: number }[] };
    sockets.push(entry);
    socket.onAnyOutgoing((event: string, data?: { seq?: number }) => entry.sent.push({ event, seq: data?.seq }));
  };
  suite.app.realtime.io.on('connection', record);
  try {
    const page = await suite.logIn(tenant.registration);
    await openInbox(page, suite.app.url);
    expect(sockets).toHaveLength(1);

    // The refresh the client makes after the drop is held until the missed message has been published,
    // so the message can only reach the page through the catch-up of the new connection.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const refreshed: string[] = [];
    await page.route('**/auth/refresh', async (route) => {
      await released;
      const response = await route.fetch();
      refreshed.push(((await response.json()) as { accessToken: string }).accessToken);
      await route.fulfill({ response });
    });
    suite.app.realtime.io.disconnectSockets(true);
    await page.locator('[data-testid=realtime-status][data-state=connecting]').waitFor();

    const newestSeq = async () => Number((await suite.app.db.system('realtime_events').where({ tenant_id: tenant.tenant.id }).max({ seq: 'seq' }))[0].seq ?? 0);
    const before = await newestSeq();
    const waId = customerWaId();
    await suite.app.meta.customer(phoneNumberId).send({ waId, name: 'Kavya Menon' }, 'Are you there?');
    const missed = await eventually(async () => {
      const row = await suite.app.db.system('realtime_events').where({ tenant_id: tenant.tenant.id, event: 'message.new' }).where('seq', '>', before).first();
      expect(row).toBeDefined();
      return { seq: Number(row!.seq) };
    });
    expect(await page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`).count()).toBe(0);
    release();

    await page.locator(`[data-testid=conversation-row][data-phone="+${waId}"]`).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=realtime-status][data-state=live]').waitFor();
    expect(refreshed).toHaveLength(1);
    const [first, second] = sockets;
    expect(sockets).toHaveLength(2);
    expect(second.auth.token).toBe(refreshed[0]);
    expect(second.auth.lastSeq).toBeLessThan(missed.seq);
    expect(first.sent.map((m) => m.seq)).not.toContain(missed.seq);
    expect(second.sent).toContainEqual({ event: 'message.new', seq: missed.seq });
  } finally {
    suite.app.realtime.io.off('connection', record);
  }
});
