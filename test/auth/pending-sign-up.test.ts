import request from 'supertest';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';
import { latestOtp, newRegistration } from '../support/factories';

// A short cooldown, so the test can watch it pass; the default is 60 seconds.
const COOLDOWN_SECONDS = 3;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true, env: { OTP_RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
});
afterAll(async () => {
  await app?.stop();
});

const codesSentTo = async (phone: string) => Number((await app.db.system('platform_notifications').where({ to_phone: phone, kind: 'otp' }).count({ n: '*' }))[0].n);
const countUsers = async (email: string) => Number((await app.db.system('users').where({ email }).count({ n: '*' }))[0].n);

describe('a pending sign-up', () => {
  it('a second Continue for the same phone and email sends no new code, and the first code still works', async () => {
    const registration = newRegistration();
    const first = await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const code = await latestOtp(app.url, registration.phone);
    expect(new Date(first.body.resendAvailableAt).getTime() - Date.now()).toBeGreaterThan(0);
    expect(new Date(first.body.resendAvailableAt).getTime() - Date.now()).toBeLessThanOrEqual(COOLDOWN_SECONDS * 1000);

    // The details form again (after a reload or "Change details"), even with another name and password.
    const second = await request(app.url)
      .post('/auth/register/initiate')
      .send({ ...registration, name: 'Asha R.', password: 'another password 9' })
      .expect(202);
    expect(second.body).toEqual(first.body);
    expect(await codesSentTo(registration.phone)).toBe(1);

    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: code })
      .expect(201);
  });

  it('two Continues at the same moment send one code', async () => {
    const registration = newRegistration();
    const answers = await Promise.all([0, 1].map(() => request(app.url).post('/auth/register/initiate').send(registration).expect(202)));
    expect(answers[0].body.expiresAt).toBe(answers[1].body.expiresAt);
    expect(await codesSentTo(registration.phone)).toBe(1);
  });

  it('"Resend code" before the cooldown: 429 otp_resend_cooldown saying how long is left, nothing sent, the code still works', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const code = await latestOtp(app.url, registration.phone);

    const early = await request(app.url).post('/auth/register/resend').send({ phone: registration.phone, email: registration.email }).expect(429);
    expect(early.body.error.code).toBe('otp_resend_cooldown');
    expect(early.body.error.message).toMatch(/new code in \d+ seconds?/);
    const retryAfter = Number(early.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(COOLDOWN_SECONDS);
    expect(await codesSentTo(registration.phone)).toBe(1);

    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: code })
      .expect(201);
  });

  it('"Resend code" after the cooldown sends a new code that replaces the old one; it needs no password', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const oldCode = await latestOtp(app.url, registration.phone);

    const resent = await eventually(() => request(app.url).post('/auth/register/resend').send({ phone: registration.phone, email: registration.email }).expect(202), 15_000, 500);
    expect(resent.body.status).toBe('otp_sent');
    expect(new Date(resent.body.resendAvailableAt).getTime()).toBeGreaterThan(Date.now());
    expect(await codesSentTo(registration.phone)).toBe(2);
    const newCode = await latestOtp(app.url, registration.phone);

    if (newCode !== oldCode) {
      const stale = await request(app.url)
        .post('/auth/register')
        .send({ ...registration, otp: oldCode })
        .expect(422);
      expect(stale.body.error.code).toBe('otp_invalid');
    }
    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: newCode })
      .expect(201);
    expect(await countUsers(registration.email)).toBe(1);
  });

  it('"Resend code" for a sign-up nobody started, or one already finished: 404, nothing sent', async () => {
    const stranger = newRegistration();
    const unknown = await request(app.url).post('/auth/register/resend').send({ phone: stranger.phone, email: stranger.email }).expect(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: expect.stringContaining('start again') });
    expect(await codesSentTo(stranger.phone)).toBe(0);

    const done = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(done).expect(202);
    await request(app.url)
      .post('/auth/register')
      .send({ ...done, otp: await latestOtp(app.url, done.phone) })
      .expect(201);
    await new Promise((r) => setTimeout(r, COOLDOWN_SECONDS * 1000));
    await request(app.url).post('/auth/register/resend').send({ phone: done.phone, email: done.email }).expect(404);
    expect(await codesSentTo(done.phone)).toBe(1);
  });

  it('verifying a sign-up nobody started: 422 otp_invalid and nothing is created', async () => {
    const stranger = newRegistration();
    const res = await request(app.url)
      .post('/auth/register')
      .send({ ...stranger, otp: '123456' })
      .expect(422);
    expect(res.body.error).toEqual({ code: 'otp_invalid', message: expect.stringContaining('No code is pending') });
    expect(await countUsers(stranger.email)).toBe(0);
  });

  it('a malformed resend is a 400 naming the field', async () => {
    const res = await request(app.url).post('/auth/register/resend').send({ phone: '12345', email: 'not-an-email' }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'phone']);
  });
});
