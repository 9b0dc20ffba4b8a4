import request from 'supertest';
import * as passwords from '../../api/auth/passwords';
import { startTestApp, type TestApp } from '../support/harness';
import { latestOtp, newRegistration } from '../support/factories';

// Calls through to the real argon2 hash; only counts the calls.
jest.mock('../../api/auth/passwords', () => {
  const actual = jest.requireActual('../../api/auth/passwords');
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) };
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('/auth/register', () => {
  it('checks the code before spending a password hash on the request', async () => {
    const hashPassword = passwords.hashPassword as jest.MockedFunction<typeof passwords.hashPassword>;
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const otp = await latestOtp(app.url, registration.phone);
    hashPassword.mockClear();
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++)
      await request(app.url)
        .post('/auth/register')
        .send({ ...registration, otp: wrong })
        .expect(422);
    expect(hashPassword).not.toHaveBeenCalled();
    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp })
      .expect(201);
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });
});
