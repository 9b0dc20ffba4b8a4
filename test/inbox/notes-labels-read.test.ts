import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { applyConversationCommand } from '../../activities/conversations/apply-command';
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
const del = (path: string, who = tenant) => request(app.url).delete(path).set(bearer(who.accessToken));

async function conversationWith(text: string) {
  const waId = customerWaId();
  const inbound = await app.meta.customer(phoneNumberId).send({ waId, name: 'Meera' }, text);
  return { conversation: await listedConversation(app, tenant, waId), wamid: inbound.wamid };
}

describe('notes, labels and read receipts', () => {
  it('keeps private notes on the conversation, with their author, never sent to the customer', async () => {
    const { conversation } = await conversationWith('hello');
    const customer = { phoneNumberId, to: conversation.contact.phone.slice(1) };
    const note = await post(`/conversations/${conversation.id}/notes`, { body: 'VIP: call back before 5pm' }).expect(201);
    expect(note.body).toMatchObject({ conversationId: conversation.id, authorId: tenant.user.id, authorName: tenant.user.name, body: 'VIP: call back before 5pm' });
    await post(`/conversations/${conversation.id}/notes`, { body: 'Second note' }).expect(201);
    const notes = (await get(`/conversations/${conversation.id}/notes`).expect(200)).body.data;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['VIP: call back before 5pm', 'Second note']);
    // The actor dispatches in order: once a reply queued after the notes has reached Meta, a note
    // handed to the dispatcher would have reached it first.
    const reply = await post('/messages/send', { to: conversation.contact.phone, type: 'text', text: { body: 'We are on it' } }).expect(202);
    await eventually(async () => expect(app.meta.sent(customer).map((m) => m.bizOpaqueCallbackData)).toContain(reply.body.messageId));
    expect(app.meta.sent(customer).map((m) => m.bizOpaqueCallbackData)).toEqual([reply.body.messageId]);

    const empty = await post(`/conversations/${conversation.id}/notes`, { body: '   ' }).expect(400);
    expect(empty.body.error.code).toBe('validation_failed');
    await get(`/conversations/${conversation.id}/notes`, other).expect(404);
    await post(`/conversations/${conversation.id}/notes`, { body: 'sneaky' }, other).expect(404);
  });

  it('labels a conversation, filters the inbox by label and takes the label off', async () => {
    const { conversation } = await conversationWith('need help');
    const label = (await post('/labels', { name: `vip-${randomUUID().slice(0, 6)}`, color: '#ff0000' }).expect(201)).body;
    const labelled = await post(`/conversations/${conversation.id}/labels`, { labelId: label.id }).expect(200);
    expect(labelled.body.labels).toEqual([{ id: label.id, name: label.name, color: '#ff0000' }]);
    const filtered = (await get(`/conversations?label=${label.id}`).expect(200)).body.data;
    expect(filtered.map((c: { id: string }) => c.id)).toEqual([conversation.id]);

    const unlabelled = await del(`/conversations/${conversation.id}/labels/${label.id}`).expect(200);
    expect(unlabelled.body.labels).toEqual([]);
    expect((await get(`/conversations?label=${label.id}`).expect(200)).body.data).toEqual([]);

    await post(`/conversations/${conversation.id}/labels`, { labelId: randomUUID() }).expect(404);
    const othersLabel = (await post('/labels', { name: 'theirs' }, other).expect(201)).body;
    await post(`/conversations/${conversation.id}/labels`, { labelId: othersLabel.id }).expect(404);
  });

  it('attaches nothing, without failing, when the label was deleted before the actor applied it', async () => {
    const { conversation } = await conversationWith('race');
    const gone = randomUUID();
    await expect(applyConversationCommand(app.db, { tenantId: tenant.tenant.id, conversationId: conversation.id, command: { type: 'addLabel', labelId: gone } })).resolves.toEqual({
      readWaMessageId: null,
    });
    expect((await get(`/conversations/${conversation.id}`).expect(200)).body.labels).toEqual([]);
  });

  it('marks the conversation read and sends the read receipt for the newest inbound message to Meta', async () => {
    const { conversation } = await conversationWith('first');
    const waId = conversation.contact.phone.slice(1);
    const second = await app.meta.customer(phoneNumberId).send({ waId }, 'second');
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.unread).toBe(2));
    const read = await post(`/conversations/${conversation.id}/read`).expect(200);
    expect(read.body.unread).toBe(0);
    expect(app.meta.readMarks({ phoneNumberId }).map((m) => m.messageId)).toContain(second.wamid);
  });
});
