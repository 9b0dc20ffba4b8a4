/**
 * The readable `aerostic_session=1` flag lives and dies with the httpOnly refresh cookie, so the web
 * app calls /auth/refresh only when a session may exist (issue 11 item 18).
 */
import request from 'supertest';
import { refreshCookieFrom, registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
}, 120_000);
afterAll(() => app?.stop());

function cookiesOf(setCookie: string | string[] | undefined): string[] {
  return Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
}
const flagOf = (setCookie: string | string[] | undefined) => cookiesOf(setCookie).find((c) => c.startsWith('aerostic_session='));

describe('the session flag cookie', () => {
  it('is set beside the refresh cookie at sign-in and on refresh: readable, site-wide, no secret', async () => {
    const tenant = await registerTenant(app.url);
    const login = await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: tenant.registration.password }).expect(200);
    const flag = flagOf(login.headers['set-cookie']);
    expect(flag).toMatch(/^aerostic_session=1;/);
    expect(flag).toMatch(/path=\/;/i);
    expect(flag).toMatch(/samesite=strict/i);
    expect(flag).not.toMatch(/httponly/i);

    const refreshed = await request(app.url).post('/auth/refresh').set('Cookie', refreshCookieFrom(login.headers['set-cookie'])).expect(200);
    expect(flagOf(refreshed.headers['set-cookie'])).toMatch(/^aerostic_session=1;/);
  });

  it('is cleared with the refresh cookie on logout and on a refused refresh', async () => {
    const tenant = await registerTenant(app.url);
    const logout = await request(app.url).post('/auth/logout').set('Cookie', tenant.refreshCookie).expect(204);
    expect(flagOf(logout.headers['set-cookie'])).toMatch(/^aerostic_session=;.*(max-age=0|expires=Thu, 01 Jan 1970)/i);

    const refused = await request(app.url).post('/auth/refresh').set('Cookie', tenant.refreshCookie).expect(401);
    expect(flagOf(refused.headers['set-cookie'])).toMatch(/^aerostic_session=;.*(max-age=0|expires=Thu, 01 Jan 1970)/i);
    const missing = await request(app.url).post('/auth/refresh').set('Cookie', 'aerostic_session=1').expect(401);
    expect(flagOf(missing.headers['set-cookie'])).toMatch(/^aerostic_session=;/);
  });
});
