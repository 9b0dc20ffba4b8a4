import request from 'supertest';
import { conversationStart } from '../../actors/conversation';
import { conversationMessages } from '../../domain/contracts';
import type { ConversationCarried } from '../../domain/conversation';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { customerWaId } from '../support/whatsapp-factories';
import { listedConversation, startInboxWorld, stopInboxWorld } from './inbox-world';

let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;
beforeAll(async () => ({ app, tenant, phoneNumberId } = await startInboxWorld()));
afterAll(() => stopInboxWorld(app));

const get = (path: string) => request(app.url).get(path).set(bearer(tenant.accessToken));
const post = (path: string, body: object = {}) => request(app.url).post(path).set(bearer(tenant.accessToken)).send(body);
const put = (path: string, body: object) => request(app.url).put(path).set(bearer(tenant.accessToken)).send(body);
const generateCalls = () => app.gemini.requests().filter((r) => r.operation === 'generateContent').length;
const sentTo = (waId: string) => app.meta.sent({ phoneNumberId, to: waId });

/** What the running actor itself believes (its memory decides whether the AI is asked). */
async function actorMode(waId: string): Promise<string> {
  const { workflowId } = conversationStart({ config: app.config }, { tenantId: tenant.tenant.id, phoneNumberId, phone: `+${waId}`, seed: {} as never });
  const carried = await app.temporal.workflow.getHandle(workflowId).query<ConversationCarried>(conversationMessages.state);
  return carried.seed.mode;
}

describe("a conversation's mode follows the workspace's AI setting", () => {
  it('with the AI off, a new conversation belongs to the team and nobody asks the AI', async () => {
    const before = generateCalls();
    const waId = customerWaId();
    await app.meta.customer(phoneNumberId).send({ waId, name: 'Kavya' }, 'Do you deliver to Pune?');
    const conversation = await listedConversation(app, tenant, waId);
    expect(conversation).toMatchObject({ mode: 'agent', status: 'open', assignedTo: null, handoffReason: null });
    expect(await actorMode(waId)).toBe('agent');
    await new Promise((r) => setTimeout(r, 300));
    expect(generateCalls()).toBe(before);
    expect(sentTo(waId)).toEqual([]);
  });

  it('with the AI off, a conversation our side starts (a template) belongs to the team too', async () => {
    const waId = customerWaId();
    const sent = await post('/messages/send', { to: `+${waId}`, type: 'template', template: { name: 'hello_world', language: 'en_US' } }).expect(202);
    expect((await get(`/conversations/${sent.body.conversationId}`).expect(200)).body.mode).toBe('agent');
  });

  it('an AI conversation goes to the team when the AI is turned off, and stays there when it is turned back on', async () => {
    const waId = customerWaId();
    await app.meta.customer(phoneNumberId).send({ waId, name: 'Dev' }, 'hello');
    const conversation = await listedConversation(app, tenant, waId);
    await put('/ai/settings', { enabled: true }).expect(200);
    try {
      expect((await post(`/conversations/${conversation.id}/release`).expect(200)).body.mode).toBe('ai');
      await put('/ai/settings', { enabled: false }).expect(200);
      await app.meta.customer(phoneNumberId).send({ waId, name: 'Dev' }, 'anyone there?');
      await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body).toMatchObject({ mode: 'agent', status: 'open', unread: 2 }));
      expect(await actorMode(waId)).toBe('agent');

      // The actor's memory agrees with the row: turning the AI on again does not make it answer this customer.
      await put('/ai/settings', { enabled: true }).expect(200);
      const before = generateCalls();
      await app.meta.customer(phoneNumberId).send({ waId, name: 'Dev' }, 'When are you open?');
      await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body).toMatchObject({ mode: 'agent', unread: 3 }));
      await new Promise((r) => setTimeout(r, 500));
      expect(generateCalls()).toBe(before);
      expect(sentTo(waId)).toEqual([]);
    } finally {
      await put('/ai/settings', { enabled: false }).expect(200);
    }
  });

  it('with the AI on, a new conversation starts with the AI', async () => {
    await put('/ai/settings', { enabled: true }).expect(200);
    try {
      const before = generateCalls();
      const waId = customerWaId();
      await app.meta.customer(phoneNumberId).send({ waId, name: 'Isha' }, 'What do you sell?');
      await listedConversation(app, tenant, waId);
      // The AI was asked (its answer may then hand the conversation to people).
      await eventually(async () => expect(generateCalls()).toBeGreaterThan(before));
    } finally {
      await put('/ai/settings', { enabled: false }).expect(200);
    }
  });
});
