import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import { blindIndex } from '../../db/crypto/field-encryption';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, latestOtp, newRegistration, refreshCookieFrom } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const countRows = async (table: string, where: Record<string, unknown>) => Number((await app.db.system(table).where(where).count({ n: '*' }))[0].n);

describe('sign-up with a phone OTP', () => {
  it('sends a code, then creates the tenant, its admin, a 7-day trial workflow and a session', async () => {
    const registration = newRegistration();
    const initiated = await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    expect(initiated.body.status).toBe('otp_sent');
    expect(new Date(initiated.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);

    const otp = await latestOtp(app.url, registration.phone);
    const res = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(201);
    expect(res.body.user).toMatchObject({ email: registration.email, name: registration.name, role: 'admin' });
    expect(res.body.tenant).toMatchObject({ name: registration.workspace });
    const trialDays = (new Date(res.body.tenant.trialEndsAt).getTime() - Date.now()) / 86_400_000;
    expect(trialDays).toBeGreaterThan(6.99);
    expect(trialDays).toBeLessThanOrEqual(7);
    expect(String(res.headers['set-cookie'])).toMatch(/aerostic_refresh=.*HttpOnly/i);

    const description = await app.temporal.workflow.getHandle(workflowIds.trial(res.body.tenant.id)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.searchAttributes).toMatchObject({ AerosticTenantId: [res.body.tenant.id], AerosticKind: ['trial'] });

    const me = await request(app.url).get('/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.tenant.access).toEqual({ trialActive: true, trialDaysLeft: 7, subscriptionStatus: null, blocked: false });

    const tenantRow = (await app.db.system('tenants').where({ id: res.body.tenant.id }).first())!;
    expect(tenantRow.trial_active).toBe(true);
    const stored = (await app.db.system('users').where({ id: res.body.user.id }).first())!;
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain(registration.password);
  });

  it('uses the code only once', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const otp = await latestOtp(app.url, registration.phone);
    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(201);
    const again = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp, email: `x${registration.email}` })
      .expect(422);
    expect(again.body.error.code).toBe('otp_invalid');
  });
});

describe('sign-up refuses bad input clearly and writes nothing', () => {
  it('locks the code after 5 wrong tries, even for the right code afterwards', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const otp = await latestOtp(app.url, registration.phone);
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await request(app.url)
        .post('/auth/register')
        .send({ ...registration, otp: wrong })
        .expect(422);
      expect(res.body.error).toMatchObject({ code: 'otp_invalid', message: expect.stringContaining(`${5 - i} tr`) });
    }
    const fifth = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: wrong })
      .expect(429);
    expect(fifth.body.error.code).toBe('otp_locked');
    const right = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(429);
    expect(right.body.error.code).toBe('otp_locked');
    expect(await countRows('users', { email: registration.email })).toBe(0);
  });

  it('refuses an expired code', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const otp = await latestOtp(app.url, registration.phone);
    await app.db
      .system('otp_challenges')
      .where({ phone_hash: blindIndex(app.config.blindIndexKey, registration.phone) })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const res = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(422);
    expect(res.body.error.code).toBe('otp_expired');
    expect(await countRows('users', { email: registration.email })).toBe(0);
  });

  it('initiate answers the same for a taken email; only a verified code learns of it (409 email_taken) and nothing is written', async () => {
    const first = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(first).expect(202);
    await request(app.url)
      .post('/auth/register')
      .send({ ...first, otp: await latestOtp(app.url, first.phone) })
      .expect(201);

    const probe = newRegistration({ email: first.email.toUpperCase() });
    const unknown = newRegistration();
    const [taken, free] = await Promise.all([probe, unknown].map((r) => request(app.url).post('/auth/register/initiate').send(r).expect(202)));
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort());
    expect(taken.body.status).toBe(free.body.status);

    const wrong = await request(app.url)
      .post('/auth/register')
      .send({ ...probe, otp: (await latestOtp(app.url, probe.phone)) === '000000' ? '111111' : '000000' })
      .expect(422);
    expect(wrong.body.error.code).toBe('otp_invalid');
    const verified = await request(app.url)
      .post('/auth/register')
      .send({ ...probe, otp: await latestOtp(app.url, probe.phone) })
      .expect(409);
    expect(verified.body.error.code).toBe('email_taken');
    expect(await countRows('users', { email: first.email })).toBe(1);
    expect(await countRows('tenants', { name: probe.workspace })).toBe(0);

    const sameWorkspace = await request(app.url)
      .post('/auth/register/initiate')
      .send(newRegistration({ workspace: first.workspace.toLowerCase() }))
      .expect(409);
    expect(sameWorkspace.body.error.code).toBe('workspace_taken');

    // Two sign-ups racing for one workspace name: both got codes, only the first to finish wins.
    const a = newRegistration();
    const b = newRegistration({ workspace: a.workspace });
    await request(app.url).post('/auth/register/initiate').send(a).expect(202);
    await request(app.url).post('/auth/register/initiate').send(b).expect(202);
    await request(app.url)
      .post('/auth/register')
      .send({ ...a, otp: await latestOtp(app.url, a.phone) })
      .expect(201);
    const late = await request(app.url)
      .post('/auth/register')
      .send({ ...b, otp: await latestOtp(app.url, b.phone) })
      .expect(409);
    expect(late.body.error.code).toBe('workspace_taken');
    expect(await countRows('users', { email: b.email })).toBe(0);
  });

  it.each([
    ['password', { password: 'short1' }, 'at least 10'],
    ['password', { password: 'no digits in this one' }, 'digit'],
    ['email', { email: 'not-an-email' }, 'email'],
    ['phone', { phone: '98123 45678' }, 'E.164'],
    ['workspace', { workspace: '' }, 'at least 2'],
  ])('400 naming the field %s', async (field, override, hint) => {
    const res = await request(app.url).post('/auth/register/initiate').send(newRegistration(override)).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field, message: expect.stringContaining(hint) })]));
  });

  it('400 for a missing field and for a malformed OTP', async () => {
    const { phone: _phone, ...withoutPhone } = newRegistration();
    const missing = await request(app.url).post('/auth/register/initiate').send(withoutPhone).expect(400);
    expect(missing.body.error.details[0].path).toBe('phone');
    const badOtp = await request(app.url)
      .post('/auth/register')
      .send({ ...newRegistration(), otp: '12ab' })
      .expect(400);
    expect(badOtp.body.error.details[0].path).toBe('otp');
  });
});

describe('the refresh cookie from sign-up works', () => {
  it('refreshes a session straight after registering', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const res = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: await latestOtp(app.url, registration.phone) })
      .expect(201);
    const refreshed = await request(app.url).post('/auth/refresh').set('Cookie', refreshCookieFrom(res.headers['set-cookie'])).expect(200);
    expect(refreshed.body.user.id).toBe(res.body.user.id);
  });
});
