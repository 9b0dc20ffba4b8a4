import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { latestOtp, newRegistration } from '../support/factories';

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

describe('GET /sandbox/otp gives the code step its code, under the same rule', () => {
  it('answers the newest code, which is the one that signs the user up', async () => {
    const registration = newRegistration();
    expect((await request(app.url).get('/sandbox/otp').query({ to: registration.phone }).expect(200)).body).toEqual({ code: null, sentAt: null });

    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const first = (await request(app.url).get('/sandbox/otp').query({ to: registration.phone }).expect(200)).body;
    expect(first).toEqual({ code: expect.stringMatching(/^\d{6}$/), sentAt: expect.any(String) });
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const second = (await request(app.url).get('/sandbox/otp').query({ to: registration.phone }).expect(200)).body;
    expect(second.code).toBe(await latestOtp(app.url, registration.phone));

    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: second.code })
      .expect(201);
  });

  it('refuses another browser, forged headers included, and reveals no code', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    for (const headers of [fromAfar, claimsLoopback]) {
      const res = await request(app.url).get('/sandbox/otp').query({ to: registration.phone }).set(headers).expect(403);
      expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('browser that asked') } });
    }
    const browser = request.agent(app.url);
    const mine = newRegistration();
    await browser.post('/auth/register/initiate').set(fromAfar).send(mine).expect(202);
    expect((await browser.get('/sandbox/otp').query({ to: mine.phone }).set(fromAfar).expect(200)).body.code).toMatch(/^\d{6}$/);
    await browser.get('/sandbox/otp').query({ to: registration.phone }).set(fromAfar).expect(403);
  });

  it('answers 400 for a recipient that is not a phone number', async () => {
    for (const to of ['asha@example.com', '12345', '']) {
      const res = await request(app.url).get('/sandbox/otp').query({ to }).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});

describe('the outbox opened in a browser', () => {
  it('sends the browser to the readable page and keeps the JSON for programs', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const page = await request(app.url).get('/sandbox/outbox').query({ to: registration.phone }).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(303);
    expect(page.headers.location).toBe(`/outbox?to=${encodeURIComponent(registration.phone)}`);
    expect(page.text).not.toMatch(/\b\d{6}\b/);
    for (const accept of ['application/json', '*/*']) {
      const res = await request(app.url).get('/sandbox/outbox').query({ to: registration.phone }).set('Accept', accept).expect(200);
      expect(res.body.data[0]).toMatchObject({ to: registration.phone, kind: 'otp' });
    }
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
    const otp = await request(live.url).get('/sandbox/otp').query({ to: registration.phone }).expect(404);
    expect(JSON.stringify(otp.body)).not.toMatch(/\b\d{6}\b/);
    const doc = await request(live.url).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/sandbox'))).toEqual([]);
  });
});
