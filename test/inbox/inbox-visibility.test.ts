/**
 * Issue 11 items 6 and 11: the inbox's tab counts (a hand-off is counted where people can see it), and
 * Settings changes to labels and canned responses announced as realtime events to the workspace only.
 */
import request from 'supertest';
import { bearer, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/harness';
import { customerWaId } from '../support/whatsapp-factories';
import { openSocket, ready, type TestSocket } from '../realtime/socket-client';
import { listedConversation, startInboxWorld, stopInboxWorld } from './inbox-world';
import { inviteMember } from './team-member';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let phoneNumberId: string;
const sockets: TestSocket[] = [];
beforeAll(async () => ({ app, tenant, other, phoneNumberId } = await startInboxWorld()));
afterAll(async () => {
  for (const s of sockets) s.close();
  await stopInboxWorld(app);
});

const as = (token: string) => ({
  get: (path: string) => request(app.url).get(path).set(bearer(token)),
  post: (path: string, body: object = {}) => request(app.url).post(path).set(bearer(token)).send(body),
  put: (path: string, body: object) => request(app.url).put(path).set(bearer(token)).send(body),
  del: (path: string) => request(app.url).delete(path).set(bearer(token)),
});

async function customerSays(text: string) {
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send({ waId, name: 'Asha' }, text);
  return listedConversation(app, tenant, waId);
}

async function socketOf(who: RegisteredTenant): Promise<TestSocket> {
  const s = openSocket(app.url, { token: who.accessToken });
  sockets.push(s);
  await ready(s);
  return s;
}

const settingsEvents = (s: TestSocket) =>
  s.received.filter((r) => r.event === 'label.changed' || r.event === 'canned_response.changed').map(({ event, data: { seq: _seq, ...payload } }) => ({ event, ...payload }));

describe('inbox counts', () => {
  it('counts each status tab and the hand-offs waiting for a human, per caller, for this workspace only', async () => {
    const admin = as(tenant.accessToken);
    const agent = await inviteMember(app.url, tenant);
    expect((await admin.get('/conversations/counts').expect(200)).body).toEqual({ open: 0, pending: 0, resolved: 0, needsHuman: 0 });

    await customerSays('Hello there');
    const toResolve = await customerSays('Thanks, all sorted');
    await admin.post(`/conversations/${toResolve.id}/resolve`).expect(200);
    await admin.put('/ai/settings', { enabled: true, persona: 'Warm and brief.' }).expect(200);
    const handedOff = await customerSays('Can you knit me a purple giraffe?');
    await eventually(async () => expect((await admin.get(`/conversations/${handedOff.id}`).expect(200)).body.status).toBe('pending'));

    const counts = { open: 1, pending: 1, resolved: 1, needsHuman: 1 };
    expect((await admin.get('/conversations/counts').expect(200)).body).toEqual(counts);
    expect((await as(agent.accessToken).get('/conversations/counts').expect(200)).body).toEqual(counts);
    const waiting = async (token: string) => (await as(token).get('/conversations?needsHuman=true&status=open').expect(200)).body.data.map((c: { id: string }) => c.id);
    expect(await waiting(agent.accessToken)).toEqual([handedOff.id]);

    // Assigned to the admin, it no longer waits for the agent, but still for the admin.
    await admin.post(`/conversations/${handedOff.id}/assign`, { userId: tenant.user.id }).expect(200);
    expect((await admin.get('/conversations/counts').expect(200)).body).toEqual(counts);
    expect((await as(agent.accessToken).get('/conversations/counts').expect(200)).body).toEqual({ ...counts, needsHuman: 0 });
    expect(await waiting(tenant.accessToken)).toEqual([handedOff.id]);
    expect(await waiting(agent.accessToken)).toEqual([]);

    expect((await as(other.accessToken).get('/conversations/counts').expect(200)).body).toEqual({ open: 0, pending: 0, resolved: 0, needsHuman: 0 });
    expect((await request(app.url).get('/conversations/counts').expect(401)).body.error.code).toBeDefined();
  });

  it('is documented in /openapi.json', async () => {
    const doc = (await request(app.url).get('/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths['/conversations/counts'].get.responses)).toContain('200');
  });
});

describe('Settings changes reach open inboxes as realtime events', () => {
  it('announces created, updated and deleted canned responses and labels to the workspace, and nothing for a refused change', async () => {
    const mine = await socketOf(tenant);
    const theirs = await socketOf(other);
    const admin = as(tenant.accessToken);

    const canned = (await admin.post('/canned-responses', { shortcut: 'hours', body: 'Open 9 to 6.' }).expect(201)).body;
    await admin.post('/canned-responses', { shortcut: 'HOURS', body: 'Duplicate' }).expect(409);
    await admin.put(`/canned-responses/${canned.id}`, { shortcut: 'hours', body: 'Open 10 to 7.' }).expect(200);
    await admin.del(`/canned-responses/${canned.id}`).expect(204);
    await admin.del(`/canned-responses/${canned.id}`).expect(404);
    const label = (await admin.post('/labels', { name: 'VIP' }).expect(201)).body;
    await admin.post('/labels', { name: 'vip' }).expect(409);
    await admin.del(`/labels/${label.id}`).expect(204);
    // Their own change, published after all of the above: once it arrives, everything of ours would have.
    const fence = (await as(other.accessToken).post('/labels', { name: 'Fence' }).expect(201)).body;

    const expected = [
      { event: 'canned_response.changed', cannedResponseId: canned.id, change: 'created' },
      { event: 'canned_response.changed', cannedResponseId: canned.id, change: 'updated' },
      { event: 'canned_response.changed', cannedResponseId: canned.id, change: 'deleted' },
      { event: 'label.changed', labelId: label.id, change: 'created' },
      { event: 'label.changed', labelId: label.id, change: 'deleted' },
    ];
    await eventually(async () => expect(settingsEvents(theirs)).toEqual([{ event: 'label.changed', labelId: fence.id, change: 'created' }]));
    await eventually(async () => expect(settingsEvents(mine)).toEqual(expected));
    expect(JSON.stringify(mine.received)).not.toContain('Open 10 to 7');
  });
});
