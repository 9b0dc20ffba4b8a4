import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, refreshCookieFrom, registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let owner: RegisteredTenant;
let other: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp();
  [owner, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
});
afterAll(async () => {
  await app?.stop();
});

async function inviteAndAccept(role: 'admin' | 'agent', inviter = owner) {
  const email = `member.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;
  const invited = await request(app.url).post('/users/invite').set(bearer(inviter.accessToken)).send({ email, name: 'Ravi', role }).expect(201);
  expect(invited.body.user).toMatchObject({ email, role, status: 'invited' });
  expect(invited.body.inviteUrl).toContain(`/invite/${invited.body.inviteToken}`);
  const accepted = await request(app.url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'a fine password 7' }).expect(200);
  expect(accepted.body.user).toMatchObject({ email, role });
  expect(accepted.body.tenant.id).toBe(inviter.tenant.id);
  return { ...accepted.body, email, cookie: refreshCookieFrom(accepted.headers['set-cookie']) };
}

describe('team management', () => {
  it('an admin invites an agent who sets a password and signs in', async () => {
    const agent = await inviteAndAccept('agent');
    await request(app.url).post('/auth/login').send({ email: agent.email, password: 'a fine password 7' }).expect(200);
    const list = await request(app.url).get('/users').set(bearer(owner.accessToken)).expect(200);
    expect(list.body.data.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([owner.user.email, agent.email]));
    expect(list.body.nextCursor).toBeNull();
  });

  it('an invitation works once', async () => {
    const email = `once.${Date.now()}@example.com`;
    const invited = await request(app.url).post('/users/invite').set(bearer(owner.accessToken)).send({ email, name: 'Once', role: 'agent' }).expect(201);
    await request(app.url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'a fine password 7' }).expect(200);
    await request(app.url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'another password 8' }).expect(404);
  });

  it('403 for an agent on an admin route', async () => {
    const agent = await inviteAndAccept('agent');
    const res = await request(app.url).get('/users').set(bearer(agent.accessToken)).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    await request(app.url).post('/users/invite').set(bearer(agent.accessToken)).send({ email: 'x@example.com', name: 'X', role: 'admin' }).expect(403);
    await request(app.url).get('/me').set(bearer(agent.accessToken)).expect(200);
  });

  it('every member can see whom a conversation can be assigned to: active teammates, names and roles only', async () => {
    const agent = await inviteAndAccept('agent');
    const leaving = await inviteAndAccept('agent');
    await request(app.url).patch(`/users/${leaving.user.id}`).set(bearer(owner.accessToken)).send({ status: 'deactivated' }).expect(200);
    const res = await request(app.url).get('/users/assignable').set(bearer(agent.accessToken)).expect(200);
    const ids = res.body.data.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([owner.user.id, agent.user.id]));
    expect(ids).not.toContain(leaving.user.id);
    expect(ids).not.toContain(other.user.id);
    expect(res.body.data.find((m: { id: string }) => m.id === agent.user.id)).toEqual({ id: agent.user.id, name: 'Ravi', role: 'agent' });
  });

  it('changing a role takes effect on the next request, with the same token', async () => {
    const member = await inviteAndAccept('agent');
    await request(app.url).get('/users').set(bearer(member.accessToken)).expect(403);
    await request(app.url).patch(`/users/${member.user.id}`).set(bearer(owner.accessToken)).send({ role: 'admin' }).expect(200);
    await request(app.url).get('/users').set(bearer(member.accessToken)).expect(200);
  });

  it('deactivating a user ends their access and sessions at once', async () => {
    const agent = await inviteAndAccept('agent');
    const res = await request(app.url).patch(`/users/${agent.user.id}`).set(bearer(owner.accessToken)).send({ status: 'deactivated' }).expect(200);
    expect(res.body.status).toBe('deactivated');
    expect((await request(app.url).get('/me').set(bearer(agent.accessToken)).expect(403)).body.error.code).toBe('account_deactivated');
    await request(app.url).post('/auth/refresh').set('Cookie', agent.cookie).expect(401);
    expect((await request(app.url).post('/auth/login').send({ email: agent.email, password: 'a fine password 7' }).expect(403)).body.error.code).toBe('account_deactivated');
  });

  it('keeps at least one active admin', async () => {
    const res = await request(app.url).patch(`/users/${other.user.id}`).set(bearer(other.accessToken)).send({ role: 'agent' }).expect(409);
    expect(res.body.error.message).toMatch(/at least one active admin/);
  });

  it('404 for another tenant’s user id in the URL, and nothing changes', async () => {
    const res = await request(app.url).patch(`/users/${other.user.id}`).set(bearer(owner.accessToken)).send({ role: 'agent' }).expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain(other.user.email);
    expect((await app.db.system('users').where({ id: other.user.id }).first())!.role).toBe('admin');
  });

  it('400 for a malformed id, 409 for an email already on this team', async () => {
    const bad = await request(app.url).patch('/users/not-a-uuid').set(bearer(owner.accessToken)).send({ role: 'agent' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('id');
    const taken = await request(app.url)
      .post('/users/invite')
      .set(bearer(owner.accessToken))
      .send({ email: owner.user.email.toUpperCase(), name: 'Dup', role: 'agent' })
      .expect(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('an invite reveals nothing about accounts elsewhere: it answers as for a new address, and only accepting reports the conflict', async () => {
    const fresh = `fresh.${Date.now()}@example.com`;
    const forNew = await request(app.url).post('/users/invite').set(bearer(owner.accessToken)).send({ email: fresh, name: 'New', role: 'agent' }).expect(201);
    const forTaken = await request(app.url).post('/users/invite').set(bearer(owner.accessToken)).send({ email: other.user.email, name: 'Probe', role: 'agent' }).expect(201);
    expect(Object.keys(forTaken.body).sort()).toEqual(Object.keys(forNew.body).sort());
    expect(forTaken.body.user).toMatchObject({ email: other.user.email, status: 'invited' });

    const accepted = await request(app.url).post('/auth/accept-invite').send({ token: forTaken.body.inviteToken, password: 'a fine password 7' }).expect(409);
    expect(accepted.body.error.code).toBe('email_taken');
    const account = await app.db.system('users').where({ id: other.user.id }).first();
    expect(account).toMatchObject({ tenant_id: other.tenant.id, status: 'active' });
    await request(app.url).post('/auth/login').send({ email: other.user.email, password: other.registration.password }).expect(200);
    const invitedRow = (await app.db.system('users').where({ id: forTaken.body.user.id }).first())!;
    expect(invitedRow.status).toBe('invited');
  });

  it('pages the team list with an opaque cursor', async () => {
    await inviteAndAccept('agent');
    const first = await request(app.url).get('/users?limit=1').set(bearer(owner.accessToken)).expect(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(app.url).get('/users').query({ limit: 1, cursor: first.body.nextCursor }).set(bearer(owner.accessToken)).expect(200);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    await request(app.url).get('/users?limit=500').set(bearer(owner.accessToken)).expect(400);
    await request(app.url).get('/users?cursor=bogus').set(bearer(owner.accessToken)).expect(400);
  });
});
