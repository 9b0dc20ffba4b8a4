import request from 'supertest';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { customerWaId } from '../support/whatsapp-factories';
import { listedConversation, startInboxWorld, stopInboxWorld } from './inbox-world';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let phoneNumberId: string;
beforeAll(async () => ({ app, tenant, other, phoneNumberId } = await startInboxWorld()));
afterAll(() => stopInboxWorld(app));

const get = (path: string, who = tenant) => request(app.url).get(path).set(bearer(who.accessToken));
const post = (path: string, body: object = {}, who = tenant) => request(app.url).post(path).set(bearer(who.accessToken)).send(body);

async function conversationWith(waId: string, name: string, text: string) {
  await app.meta.customer(phoneNumberId).send({ waId, name }, text);
  return listedConversation(app, tenant, waId);
}

describe('the inbox API', () => {
  it('lists conversations with the contact, unread count and the messages in pages', async () => {
    const waId = customerWaId();
    await conversationWith(waId, 'Nisha', 'first');
    await app.meta.customer(phoneNumberId).send({ waId, name: 'Nisha' }, 'second');
    const conversation = await eventually(async () => {
      const found = (await get('/conversations').expect(200)).body.data.find((c: { contact: { phone: string } }) => c.contact.phone === `+${waId}`);
      expect(found.unread).toBe(2);
      return found;
    });
    // The workspace's AI is off (the default), so its team handles new conversations.
    expect(conversation).toMatchObject({ status: 'open', mode: 'agent', assignedTo: null, contact: { name: 'Nisha' } });

    const page1 = await get(`/conversations/${conversation.id}/messages?limit=1`).expect(200);
    expect(page1.body.data.map((m: { content: { body: string } }) => m.content.body)).toEqual(['second']);
    const page2 = await get(`/conversations/${conversation.id}/messages?limit=1&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.data.map((m: { content: { body: string } }) => m.content.body)).toEqual(['first']);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('takeover, release, assign, resolve, reopen and read go through the actor', async () => {
    const conversation = await conversationWith(customerWaId(), 'Omar', 'hello');
    const taken = await post(`/conversations/${conversation.id}/takeover`).expect(200);
    expect(taken.body).toMatchObject({ mode: 'agent', assignedTo: tenant.user.id });
    expect((await post(`/conversations/${conversation.id}/release`).expect(200)).body.mode).toBe('ai');
    expect((await post(`/conversations/${conversation.id}/assign`, { userId: null }).expect(200)).body.assignedTo).toBeNull();
    expect((await post(`/conversations/${conversation.id}/read`).expect(200)).body.unread).toBe(0);
    expect((await post(`/conversations/${conversation.id}/resolve`).expect(200)).body.status).toBe('resolved');
    expect((await post(`/conversations/${conversation.id}/reopen`).expect(200)).body.status).toBe('open');

    const mine = await get('/conversations?mine=true').expect(200);
    expect(mine.body.data.map((c: { id: string }) => c.id)).not.toContain(conversation.id);
    await post(`/conversations/${conversation.id}/assign`, { userId: tenant.user.id }).expect(200);
    expect((await get('/conversations?mine=true').expect(200)).body.data.map((c: { id: string }) => c.id)).toContain(conversation.id);
    expect((await get('/conversations?status=resolved').expect(200)).body.data.map((c: { id: string }) => c.id)).not.toContain(conversation.id);
  });

  it('a resolved conversation the customer writes to again reopens afresh (with the team while the AI is off)', async () => {
    const waId = customerWaId();
    const conversation = await conversationWith(waId, 'Ravi', 'hello');
    await post(`/conversations/${conversation.id}/takeover`).expect(200);
    expect((await post(`/conversations/${conversation.id}/resolve`).expect(200)).body).toMatchObject({ status: 'resolved', mode: 'agent' });

    await app.meta.customer(phoneNumberId).send({ waId, name: 'Ravi' }, 'one more question');
    await eventually(async () => {
      expect((await get(`/conversations/${conversation.id}`).expect(200)).body).toMatchObject({ status: 'open', mode: 'agent', aiReplyCount: 0, handoffReason: null, unread: 1 });
    });
  });

  it('another tenant gets 404 for a conversation id, and sees none in its inbox', async () => {
    const conversation = await conversationWith(customerWaId(), 'Priya', 'private');
    const ownersView = async () => {
      const { mode, status, assignedTo } = (await get(`/conversations/${conversation.id}`).expect(200)).body;
      return { mode, status, assignedTo };
    };
    expect(await ownersView()).toEqual({ mode: 'agent', status: 'open', assignedTo: null });
    await get(`/conversations/${conversation.id}`, other).expect(404);
    await get(`/conversations/${conversation.id}/messages`, other).expect(404);
    await post(`/conversations/${conversation.id}/takeover`, {}, other).expect(404);
    expect((await get('/conversations', other).expect(200)).body.data).toEqual([]);
    await post(`/conversations/${conversation.id}/assign`, { userId: other.user.id }).expect(404);
    // Commands are applied by the actor before the API answers, so a leaked takeover or assign would show here.
    expect(await ownersView()).toEqual({ mode: 'agent', status: 'open', assignedTo: null });
    expect((await get('/conversations?mine=true', other).expect(200)).body.data).toEqual([]);
  });
});
