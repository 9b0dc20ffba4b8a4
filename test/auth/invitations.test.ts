import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let owner: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  owner = await registerTenant(app.url, { name: 'Meera Iyer' });
});
afterAll(async () => {
  await app?.stop();
});

const freshEmail = () => `invitee.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;
const invite = (body: object) => request(app.url).post('/users/invite').set(bearer(owner.accessToken)).send(body);
const mailsTo = async (email: string) => app.db.system('platform_notifications').where({ to_phone: email, kind: 'team_invite' });

describe('team invitations', () => {
  it('"Send invite" emails the invitation (the sandbox outbox without SMTP) with the link the inviter also gets once', async () => {
    const email = freshEmail();
    const res = await invite({ email, name: 'Ravi Kumar', role: 'agent' }).expect(201);
    expect(res.body.emailSent).toBe(true);
    expect(res.body.inviteUrl).toBe(`${app.config.publicUrl}/invite/${res.body.inviteToken}`);

    const outbox = await request(app.url).get('/sandbox/outbox').query({ to: email }).expect(200);
    expect(outbox.body.data).toHaveLength(1);
    const mail = outbox.body.data[0];
    expect(mail.kind).toBe('team_invite');
    expect(mail.body).toContain(`Meera Iyer invited you to ${owner.tenant.name} on Aerostic`);
    expect(mail.body).toContain('as an agent');
    expect(mail.body).toContain(res.body.inviteUrl);

    // The mailed link is the one that works.
    const token = /\/invite\/([\w-]+)/.exec(mail.body)![1];
    await request(app.url).post('/auth/accept-invite').send({ token, password: 'a fine password 7' }).expect(200);

    // Listing the team never shows the link again.
    const team = await request(app.url).get('/users').set(bearer(owner.accessToken)).expect(200);
    expect(JSON.stringify(team.body)).not.toContain(token);
  });

  it('an invite with a malformed email is a 400 naming the field; nobody is invited and nothing is mailed', async () => {
    const res = await invite({ email: 'ravi@', name: 'Ravi', role: 'agent' }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe('email');
    expect(await app.db.system('users').where({ tenant_id: owner.tenant.id, email: 'ravi@' })).toHaveLength(0);
    expect(await mailsTo('ravi@')).toHaveLength(0);
  });

  it('the invite page learns the workspace, the inviter, the role and the address, and nothing else', async () => {
    const email = freshEmail();
    const { body } = await invite({ email, name: 'Anita', role: 'admin' }).expect(201);
    const res = await request(app.url).post('/auth/invite/lookup').send({ token: body.inviteToken }).expect(200);
    expect(res.body).toEqual({ workspaceName: owner.tenant.name, inviterName: 'Meera Iyer', role: 'admin', email });
    const text = JSON.stringify(res.body);
    for (const secret of [owner.tenant.id, owner.user.id, owner.user.email, owner.tenant.slug, body.user.id]) expect(text).not.toContain(secret);
  });

  it('a wrong, used or expired token: lookup and accept answer 404 not_found with a clear message, and nothing changes', async () => {
    const wrong = await request(app.url)
      .post('/auth/invite/lookup')
      .send({ token: 'x'.repeat(43) })
      .expect(404);
    expect(wrong.body.error).toEqual({ code: 'not_found', message: 'This invitation is not valid or has expired; ask for a new one' });
    const malformed = await request(app.url).post('/auth/invite/lookup').send({ token: 'short' }).expect(400);
    expect(malformed.body.error.code).toBe('validation_failed');

    const email = freshEmail();
    const { body } = await invite({ email, name: 'Late', role: 'agent' }).expect(201);
    await app.db
      .system('users')
      .where({ id: body.user.id })
      .update({ invite_expires_at: new Date(Date.now() - 1000) });
    await request(app.url).post('/auth/invite/lookup').send({ token: body.inviteToken }).expect(404);
    const expired = await request(app.url).post('/auth/accept-invite').send({ token: body.inviteToken, password: 'a fine password 7' }).expect(404);
    expect(expired.body.error.code).toBe('not_found');
    const row = (await app.db.system('users').where({ id: body.user.id }).first())!;
    expect(row.status).toBe('invited');
    expect(row.password_hash).toBeNull();

    const used = await invite({ email: freshEmail(), name: 'Used', role: 'agent' }).expect(201);
    await request(app.url).post('/auth/accept-invite').send({ token: used.body.inviteToken, password: 'a fine password 7' }).expect(200);
    await request(app.url).post('/auth/invite/lookup').send({ token: used.body.inviteToken }).expect(404);
  });
});
