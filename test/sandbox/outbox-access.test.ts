import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { newRegistration } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
});
afterAll(async () => {
  await app?.stop();
});

// Requests through a proxy, or an attacker pretending to be this machine, carry forwarding headers.
const fromAfar = { 'X-Forwarded-For': '203.0.113.7' };
const claimsLoopback = { 'X-Forwarded-For': '127.0.0.1' };

describe('GET /sandbox/outbox answers only this machine or the browser that asked for the code', () => {
  it('answers a loopback request with the code, newest first', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const res = await request(app.url).get('/sandbox/outbox').query({ to: registration.phone }).expect(200);
    expect(res.body.data).toEqual([{ to: registration.phone, body: expect.stringMatching(/\b\d{6}\b/), kind: 'otp', createdAt: expect.any(String) }]);
  });

  it('refuses a request from elsewhere, forged forwarding headers included, and shows no code', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    for (const headers of [fromAfar, claimsLoopback, { Forwarded: 'for=127.0.0.1' }]) {
      const res = await request(app.url).get('/sandbox/outbox').query({ to: registration.phone }).set(headers).expect(403);
      expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('browser that asked') } });
    }
  });

  it('answers the browser that asked (its httpOnly cookie), for its own phone and email only', async () => {
    const browser = request.agent(app.url);
    const registration = newRegistration();
    const initiated = await browser.post('/auth/register/initiate').set(fromAfar).send(registration).expect(202);
    expect(String(initiated.headers['set-cookie'])).toMatch(/aerostic_outbox=.*path=\/sandbox.*httponly/i);

    const mine = await browser.get('/sandbox/outbox').query({ to: registration.phone }).set(fromAfar).expect(200);
    expect(mine.body.data[0].body).toMatch(/\b\d{6}\b/);
    await browser.get('/sandbox/outbox').query({ to: registration.email }).set(fromAfar).expect(200);

    const someoneElse = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(someoneElse).expect(202);
    await browser.get('/sandbox/outbox').query({ to: someoneElse.phone }).set(fromAfar).expect(403);

    const cookie = String(initiated.headers['set-cookie']).match(/aerostic_outbox=([^;]+)/)![1];
    const [header, , signature] = cookie.split('.');
    const widened = Buffer.from(JSON.stringify({ to: [someoneElse.phone], aud: 'aerostic-outbox', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await request(app.url).get('/sandbox/outbox').query({ to: someoneElse.phone }).set(fromAfar).set('Cookie', `aerostic_outbox=${header}.${widened}.${signature}`).expect(403);
  });
});

describe('outside sandbox mode', () => {
  let live: TestApp;
  beforeAll(async () => {
    live = await startTestApp({ withoutWorker: true, env: { AEROSTIC_SANDBOX: '0' } });
  });
  afterAll(async () => {
    await live?.stop();
  });

  it('has no /sandbox routes at all, and no outbox cookie', async () => {
    const registration = newRegistration();
    const initiated = await request(live.url).post('/auth/register/initiate').send(registration).expect(202);
    expect(String(initiated.headers['set-cookie'] ?? '')).not.toContain('aerostic_outbox');
    const res = await request(live.url).get('/sandbox/outbox').query({ to: registration.phone }).expect(404);
    expect(JSON.stringify(res.body)).not.toMatch(/\b\d{6}\b/);
    await request(live.url).get('/sandbox/info').expect(404);
    const doc = await request(live.url).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/sandbox'))).toEqual([]);
  });
});
