import request from 'supertest';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';
import { startSmtpReceiver } from '../support/smtp-receiver';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  app = await startTestApp({ withoutWorker: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Aerostic <accounts@aerostic.test>' } });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const unfold = (raw: string) => raw.replace(/=\r\n/g, '').replace(/=3D/g, '=');

describe('account mail over SMTP_URL (as in production)', () => {
  it('mails the verification link and the reset link through SMTP, not the outbox; the mailed reset link works', async () => {
    const tenant = await registerTenant(app.url);
    const email = tenant.registration.email;
    const verification = await eventually(async () => {
      const mail = smtp.mails.find((m) => m.to.includes(email) && /Confirm your email/.test(m.data));
      expect(mail).toBeDefined();
      return mail!;
    });
    expect(verification.from).toBe('accounts@aerostic.test');
    expect(unfold(verification.data)).toMatch(/\/verify-email#token=[\w-]+/);

    await request(app.url).post('/auth/password/forgot').send({ email }).expect(202);
    const reset = await eventually(async () => {
      const mail = smtp.mails.find((m) => m.to.includes(email) && /Reset your Aerostic password/.test(m.data));
      expect(mail).toBeDefined();
      return mail!;
    });
    const token = /\/reset-password#token=([\w-]+)/.exec(unfold(reset.data))![1];
    const outbox = await request(app.url).get('/sandbox/outbox').query({ to: email }).expect(200);
    expect(outbox.body.data).toEqual([]);

    await request(app.url).post('/auth/password/reset').send({ token, password: 'a mailed new password 3' }).expect(204);
    await request(app.url).post('/auth/login').send({ email, password: 'a mailed new password 3' }).expect(200);
  });
});
