import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, refreshCookieFrom, registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  // Three mails an hour per address, so the per-account throttle is reachable in a test.
  app = await startTestApp({ withoutWorker: true, env: { OTP_RATE_LIMIT_PER_HOUR: '3' } });
});
afterAll(async () => {
  await app?.stop();
});

/** The link token from the newest mail of `kind` sent to `email`, read as a sandbox user reads it. */
async function mailedToken(email: string, kind: 'email_verification' | 'password_reset'): Promise<string | undefined> {
  const res = await request(app.url).get('/sandbox/outbox').query({ to: email }).expect(200);
  const mail = res.body.data.find((m: { kind: string }) => m.kind === kind);
  return /#token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
}

const passwordHashOf = async (userId: string) => (await app.db.system('users').where({ id: userId }).first())!.password_hash as string;

describe('email verification by link', () => {
  it('mails a link at sign-up; opening it verifies the address once', async () => {
    const tenant = await registerTenant(app.url);
    const me = await request(app.url).get('/me').set(bearer(tenant.accessToken)).expect(200);
    expect(me.body.user.emailVerified).toBe(false);

    const token = await mailedToken(tenant.registration.email, 'email_verification');
    expect(token).toEqual(expect.any(String));
    await request(app.url).post('/auth/email/verify').send({ token }).expect(204);
    const after = await request(app.url).get('/me').set(bearer(tenant.accessToken)).expect(200);
    expect(after.body.user.emailVerified).toBe(true);

    const again = await request(app.url).post('/auth/email/verify').send({ token }).expect(422);
    expect(again.body.error.code).toBe('link_invalid');
  });

  it('refuses a forged token and verifies nothing', async () => {
    const tenant = await registerTenant(app.url);
    const real = (await mailedToken(tenant.registration.email, 'email_verification'))!;
    const forged = `${real.slice(0, -4)}${real.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const res = await request(app.url).post('/auth/email/verify').send({ token: forged }).expect(422);
    expect(res.body.error.code).toBe('link_invalid');
    await request(app.url).post('/auth/email/verify').send({ token: 'short' }).expect(400);
    // 25 characters, as long as /openapi.json asks, but not a token: refused as the document says, not trimmed into one.
    await request(app.url)
      .post('/auth/email/verify')
      .send({ token: `  ${'a'.repeat(21)}  ` })
      .expect(400);
    expect((await app.db.system('users').where({ id: tenant.user.id }).first())!.email_verified_at).toBeNull();
  });

  it('re-sends the link to a signed-in user; the older link stops working', async () => {
    const tenant = await registerTenant(app.url);
    const first = (await mailedToken(tenant.registration.email, 'email_verification'))!;
    await request(app.url).post('/auth/email/verify/resend').set(bearer(tenant.accessToken)).expect(202);
    const second = (await mailedToken(tenant.registration.email, 'email_verification'))!;
    expect(second).not.toBe(first);
    await request(app.url).post('/auth/email/verify').send({ token: first }).expect(422);
    await request(app.url).post('/auth/email/verify').send({ token: second }).expect(204);
  });
});

describe('password reset', () => {
  let tenant: RegisteredTenant;
  beforeAll(async () => {
    tenant = await registerTenant(app.url);
  });

  it('answers an unknown address exactly like a known one, and mails only the account holder', async () => {
    const known = await request(app.url).post('/auth/password/forgot').send({ email: tenant.registration.email.toUpperCase() }).expect(202);
    const unknownEmail = `nobody.${Date.now()}@example.com`;
    const unknown = await request(app.url).post('/auth/password/forgot').send({ email: unknownEmail }).expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(await mailedToken(tenant.registration.email, 'password_reset')).toEqual(expect.any(String));
    const nothing = await request(app.url).get('/sandbox/outbox').query({ to: unknownEmail }).expect(200);
    expect(nothing.body.data).toEqual([]);
  });

  it('sets the new password with the mailed link, once, and ends every session', async () => {
    const other = await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: tenant.registration.password }).expect(200);
    const otherCookie = refreshCookieFrom(other.headers['set-cookie']);
    await request(app.url).post('/auth/password/forgot').send({ email: tenant.registration.email }).expect(202);
    const token = (await mailedToken(tenant.registration.email, 'password_reset'))!;

    const newPassword = 'a brand new password 9';
    await request(app.url).post('/auth/password/reset').send({ token, password: newPassword }).expect(204);

    for (const cookie of [tenant.refreshCookie, otherCookie]) {
      const refreshed = await request(app.url).post('/auth/refresh').set('Cookie', cookie).expect(401);
      expect(refreshed.body.error.code).toMatch(/^refresh_token_/);
    }
    await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: tenant.registration.password }).expect(401);
    await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: newPassword }).expect(200);

    const hashAfter = await passwordHashOf(tenant.user.id);
    const replay = await request(app.url).post('/auth/password/reset').send({ token, password: 'an attacker password 1' }).expect(422);
    expect(replay.body.error.code).toBe('link_invalid');
    expect(await passwordHashOf(tenant.user.id)).toBe(hashAfter);
    tenant.registration.password = newPassword;
  });

  it('refuses an expired link (30 minutes) and a forged one, changing nothing', async () => {
    await request(app.url).post('/auth/password/forgot').send({ email: tenant.registration.email }).expect(202);
    const token = (await mailedToken(tenant.registration.email, 'password_reset'))!;
    const row = (await app.db.system('account_tokens').where({ user_id: tenant.user.id, purpose: 'reset_password' }).whereNull('used_at').first())!;
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1_000);
    await app.db
      .system('account_tokens')
      .where({ id: row.id })
      .update({ expires_at: new Date(Date.now() - 1_000) });
    const before = await passwordHashOf(tenant.user.id);

    const expired = await request(app.url).post('/auth/password/reset').send({ token, password: 'an attacker password 1' }).expect(422);
    expect(expired.body.error.code).toBe('link_invalid');
    const forged = await request(app.url)
      .post('/auth/password/reset')
      .send({ token: 'A'.repeat(43), password: 'an attacker password 1' })
      .expect(422);
    expect(forged.body.error.code).toBe('link_invalid');
    expect(await passwordHashOf(tenant.user.id)).toBe(before);
    await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: tenant.registration.password }).expect(200);
  });

  it('throttles reset mails per address (429 with Retry-After), for known and unknown addresses alike', async () => {
    const target = `throttled.${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await request(app.url).post('/auth/password/forgot').send({ email: target }).expect(202);
    const refused = await request(app.url).post('/auth/password/forgot').send({ email: target.toUpperCase() }).expect(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await request(app.url)
      .post('/auth/password/forgot')
      .send({ email: `other.${target}` })
      .expect(202);
  });
});
