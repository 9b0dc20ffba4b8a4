import { SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, refreshCookieFrom, registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let tenant: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
});
afterAll(async () => {
  await app?.stop();
});

const login = (email: string, password: string) => request(app.url).post('/auth/login').send({ email, password });

describe('login', () => {
  it('signs in with email and password and returns a 15-minute token and a refresh cookie', async () => {
    const res = await login(tenant.registration.email.toUpperCase(), tenant.registration.password).expect(200);
    expect(res.body.user.id).toBe(tenant.user.id);
    expect(res.body.tenant.id).toBe(tenant.tenant.id);
    const [, payload] = res.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(String(res.headers['set-cookie'])).toMatch(/aerostic_refresh=[^;]+; path=\/auth;.*samesite=strict; httponly/i);
  });

  it('gives one answer for a wrong password and an unknown email', async () => {
    const wrong = await login(tenant.registration.email, 'wrong password 1').expect(401);
    const unknown = await login('nobody@example.com', 'whatever 12345').expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });
});

describe('access tokens', () => {
  const me = () => request(app.url).get('/me');

  it('401 without a token', async () => {
    const res = await me().expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('401 for an expired token', async () => {
    const expired = await new SignJWT({ tid: tenant.tenant.id, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(tenant.user.id)
      .setIssuer('aerostic')
      .setAudience('aerostic-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(app.config.jwt.secret);
    const res = await me().set(bearer(expired)).expect(401);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('401 for a tampered token (claims changed, signature kept)', async () => {
    const [header, payload, signature] = tenant.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const res = await me()
      .set(bearer(`${header}.${forged}.${signature}`))
      .expect(401);
    expect(res.body.error.code).toBe('token_invalid');
  });

  it('401 for an alg:none token', async () => {
    const unsigned = new UnsecuredJWT({ tid: tenant.tenant.id, role: 'admin' })
      .setSubject(tenant.user.id)
      .setIssuer('aerostic')
      .setAudience('aerostic-api')
      .setExpirationTime('10m')
      .encode();
    const res = await me().set(bearer(unsigned)).expect(401);
    expect(res.body.error.code).toBe('token_invalid');
  });

  it('401 for a token signed with another key', async () => {
    const foreign = await new SignJWT({ tid: tenant.tenant.id, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(tenant.user.id)
      .setIssuer('aerostic')
      .setAudience('aerostic-api')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('x'.repeat(48)));
    await me().set(bearer(foreign)).expect(401);
  });
});

describe('refresh tokens rotate, and a replayed one ends the whole family', () => {
  it('rotates on every refresh and revokes the family on reuse', async () => {
    const signedIn = await login(tenant.registration.email, tenant.registration.password).expect(200);
    const first = refreshCookieFrom(signedIn.headers['set-cookie']);

    const rotated = await request(app.url).post('/auth/refresh').set('Cookie', first).expect(200);
    const second = refreshCookieFrom(rotated.headers['set-cookie']);
    expect(second).not.toBe(first);
    expect(rotated.body.accessToken).toEqual(expect.any(String));

    const replay = await request(app.url).post('/auth/refresh').set('Cookie', first).expect(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');

    // The thief's replay also ends the legitimate holder's newer token: the family is revoked.
    const afterReuse = await request(app.url).post('/auth/refresh').set('Cookie', second).expect(401);
    expect(afterReuse.body.error.code).toBe('refresh_token_reused');
    const family = await app.db.system('refresh_tokens').whereIn(
      'id',
      [first, second].map((c) => c.split('=')[1].split('.')[0]),
    );
    expect(family.map((row) => ({ revoked: row.revoked_at instanceof Date, reason: row.revoked_reason }))).toEqual([
      { revoked: true, reason: 'reuse' },
      { revoked: true, reason: 'reuse' },
    ]);

    // Sessions in other families (the sign-up session) are untouched.
    await request(app.url).post('/auth/refresh').set('Cookie', tenant.refreshCookie).expect(200);
  });

  it('stores only a hash of the refresh token', async () => {
    const signedIn = await login(tenant.registration.email, tenant.registration.password).expect(200);
    const [id, secret] = refreshCookieFrom(signedIn.headers['set-cookie']).split('=')[1].split('.');
    const row = (await app.db.system('refresh_tokens').where({ id }).first())!;
    expect(row.token_hash).not.toContain(secret);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('401 for a garbage or forged refresh cookie', async () => {
    await request(app.url).post('/auth/refresh').set('Cookie', 'aerostic_refresh=garbage').expect(401);
    const signedIn = await login(tenant.registration.email, tenant.registration.password).expect(200);
    const [id] = refreshCookieFrom(signedIn.headers['set-cookie']).split('=')[1].split('.');
    const res = await request(app.url).post('/auth/refresh').set('Cookie', `aerostic_refresh=${id}.forgedsecret`).expect(401);
    expect(res.body.error.code).toBe('refresh_token_invalid');
  });

  it('logout revokes the session', async () => {
    const signedIn = await login(tenant.registration.email, tenant.registration.password).expect(200);
    const cookie = refreshCookieFrom(signedIn.headers['set-cookie']);
    await request(app.url).post('/auth/logout').set('Cookie', cookie).expect(204);
    const res = await request(app.url).post('/auth/refresh').set('Cookie', cookie).expect(401);
    expect(res.body.error.code).toBe('refresh_token_invalid');
  });
});
