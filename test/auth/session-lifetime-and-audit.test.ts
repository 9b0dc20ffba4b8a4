import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { eventually } from '../support/eventually';
import { refreshCookieFrom, registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let tenant: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  tenant = await registerTenant(app.url);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const login = (password: string) => request(app.url).post('/auth/login').send({ email: tenant.registration.email, password });
const refresh = (cookie: string) => request(app.url).post('/auth/refresh').set('Cookie', cookie);
const tokenId = (cookie: string) => cookie.split('=')[1].split('.')[0];
const auditRows = (action: string) => app.db.system('audit_logs').where({ tenant_id: tenant.tenant.id, action }).orderBy('created_at');

describe('refresh sessions have an absolute lifetime', () => {
  it('rotating never moves the end of the session set at sign-in', async () => {
    let cookie = refreshCookieFrom((await login(tenant.registration.password).expect(200)).headers['set-cookie']);
    const first = (await app.db
      .system('refresh_tokens')
      .where({ id: tokenId(cookie) })
      .first())!;
    expect(first.expires_at.getTime() - first.created_at.getTime()).toBeGreaterThan(29 * 86_400_000);
    for (let i = 0; i < 3; i++) cookie = refreshCookieFrom((await refresh(cookie).expect(200)).headers['set-cookie']);
    const family = await app.db.system('refresh_tokens').where({ family_id: first.family_id });
    expect(family).toHaveLength(4);
    expect(new Set(family.map((row) => row.expires_at.getTime()))).toEqual(new Set([first.expires_at.getTime()]));
  });
});

describe('audit rows', () => {
  it('a sign-in, with the client address', async () => {
    const before = (await auditRows('auth.login')).length;
    await login(tenant.registration.password).expect(200);
    const rows = await auditRows('auth.login');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actor_user_id: tenant.user.id, target_id: tenant.user.id, ip: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('a failed sign-in of an existing account, without the password tried', async () => {
    await login('a wrong guess 123').expect(401);
    const rows = await eventually(async () => {
      const found = await auditRows('auth.login_failed');
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(rows.at(-1)).toMatchObject({ actor_user_id: null, target_id: tenant.user.id, metadata: { reason: 'wrong_password' } });
    expect(JSON.stringify(rows)).not.toContain('a wrong guess 123');
  });

  it('a replayed refresh token', async () => {
    const first = refreshCookieFrom((await login(tenant.registration.password).expect(200)).headers['set-cookie']);
    await refresh(first).expect(200);
    const { family_id: familyId } = (await app.db
      .system('refresh_tokens')
      .where({ id: tokenId(first) })
      .first())!;
    expect((await refresh(first).expect(401)).body.error.code).toBe('refresh_token_reused');
    const rows = await auditRows('auth.refresh_reused');
    expect(rows.find((row) => row.metadata.familyId === familyId)).toMatchObject({ actor_user_id: tenant.user.id, ip: expect.any(String) });
  });
});
