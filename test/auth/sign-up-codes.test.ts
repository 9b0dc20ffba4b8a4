import { hash } from '@node-rs/argon2';
import request from 'supertest';
import { prunePlatformNotifications } from '../../db/system/retention';
import { startTestApp, type TestApp } from '../support/harness';
import { latestOtp, newRegistration } from '../support/factories';

// The real argon2, watched: the test asserts when a password is hashed, not what the hash is.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual('@node-rs/argon2');
  return { ...actual, hash: jest.fn((...args: Parameters<typeof actual.hash>) => actual.hash(...args)) };
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true, env: { OTP_DAILY_ATTEMPTS: '8' } });
});
afterAll(async () => {
  await app?.stop();
});

const wrongCode = (otp: string) => (otp === '000000' ? '111111' : '000000');
const countUsers = async (email: string) => Number((await app.db.system('users').where({ email }).count({ n: '*' }))[0].n);

describe('sign-up codes', () => {
  it('checks the code before hashing the password: a wrong code costs the server no hash', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const otp = await latestOtp(app.url, registration.phone);
    jest.mocked(hash).mockClear();

    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: wrongCode(otp) })
      .expect(422);
    await request(app.url)
      .post('/auth/register')
      .send({ ...newRegistration(), otp })
      .expect(422);
    expect(hash).not.toHaveBeenCalled();

    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(201);
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it('limits wrong codes per phone per day, however many codes are re-sent, and writes nothing', async () => {
    // OTP_DAILY_ATTEMPTS=8 here: two codes of 5 tries would allow 10 guesses without the budget.
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const first = await latestOtp(app.url, registration.phone);
    for (let i = 0; i < 5; i++)
      await request(app.url)
        .post('/auth/register')
        .send({ ...registration, otp: wrongCode(first) });

    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const second = await latestOtp(app.url, registration.phone);
    for (let i = 0; i < 3; i++)
      await request(app.url)
        .post('/auth/register')
        .send({ ...registration, otp: wrongCode(second) })
        .expect(422);
    const refused = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: second })
      .expect(429);
    expect(refused.body.error.code).toBe('otp_budget_exhausted');
    expect(await countUsers(registration.email)).toBe(0);

    // Another phone has its own budget.
    const other = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(other).expect(202);
    await request(app.url)
      .post('/auth/register')
      .send({ ...other, otp: await latestOtp(app.url, other.phone) })
      .expect(201);
  });

  it('keeps no phone number in the clear: challenges hold a keyed hash, the user row a sealed value', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const res = await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: await latestOtp(app.url, registration.phone) })
      .expect(201);

    const digits = registration.phone.slice(1);
    const challenges = await app.db.system('otp_challenges').where({ email: registration.email });
    expect(challenges).toHaveLength(1);
    expect(JSON.stringify(challenges)).not.toContain(digits);
    const user = (await app.db.system('users').where({ id: res.body.user.id }).first())!;
    expect(user.phone).toBeNull();
    expect(user.phone_ciphertext).toEqual(expect.any(String));
    expect(JSON.stringify(user)).not.toContain(digits);
  });

  it('deletes sent notification bodies and challenges after a day', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const fresh = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(fresh).expect(202);
    const dayOld = new Date(Date.now() - 25 * 3_600_000);
    await app.db.system('platform_notifications').where({ to_phone: registration.phone }).update({ created_at: dayOld });
    await app.db.system('otp_challenges').where({ email: registration.email }).update({ created_at: dayOld });

    const pruned = await prunePlatformNotifications(app.db.system);
    expect(pruned.notifications).toBeGreaterThanOrEqual(1);
    expect(await app.db.system('platform_notifications').where({ to_phone: registration.phone })).toHaveLength(0);
    expect(await app.db.system('otp_challenges').where({ email: registration.email })).toHaveLength(0);
    expect(await app.db.system('platform_notifications').where({ to_phone: fresh.phone })).toHaveLength(1);
    expect(await app.db.system('otp_challenges').where({ email: fresh.email })).toHaveLength(1);
  });
});
