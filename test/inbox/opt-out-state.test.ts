import request from 'supertest';
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

/** The consent events the tenant's open inboxes were sent for this conversation, oldest first. */
async function consentEvents(conversationId: string): Promise<boolean[]> {
  const rows = await app.db.system('realtime_events').where({ tenant_id: tenant.tenant.id, event: 'contact.consent' }).orderBy('seq');
  return rows.filter((r) => (r.payload as { conversationId: string }).conversationId === conversationId).map((r) => (r.payload as { optedOut: boolean }).optedOut);
}

describe('the opt-out state of a conversation', () => {
  it('shows STOP on the conversation at once, announces it live, and clears it on START', async () => {
    const waId = customerWaId();
    await app.meta.customer(phoneNumberId).send({ waId, name: 'Farah' }, 'hello');
    const conversation = await listedConversation(app, tenant, waId);
    expect(conversation.optedOut).toBe(false);

    await app.meta.customer(phoneNumberId).send({ waId, name: 'Farah' }, 'STOP');
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.optedOut).toBe(true));
    const listed = (await get('/conversations').expect(200)).body.data.find((c: { id: string }) => c.id === conversation.id);
    expect(listed.optedOut).toBe(true);
    await eventually(async () => expect(await consentEvents(conversation.id)).toEqual([true]));

    await app.meta.customer(phoneNumberId).send({ waId, name: 'Farah' }, 'START');
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.optedOut).toBe(false));
    await eventually(async () => expect(await consentEvents(conversation.id)).toEqual([true, false]));

    // A repeated START changes nothing, so nothing is announced.
    await app.meta.customer(phoneNumberId).send({ waId, name: 'Farah' }, 'START');
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.unread).toBe(4));
    await new Promise((r) => setTimeout(r, 300));
    expect(await consentEvents(conversation.id)).toEqual([true, false]);
  });
});
