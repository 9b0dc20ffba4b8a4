import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';

// Nothing listens on port 1 of loopback: every SMTP connection is refused, as when the provider is down.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true, env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
});
afterAll(async () => {
  await app?.stop();
});

it('a mail server that is down costs the email, never the invitation: 201 with emailSent false, and the link works', async () => {
  const owner = await registerTenant(app.url);
  const email = `down.${Date.now()}@example.com`;
  const res = await request(app.url).post('/users/invite').set(bearer(owner.accessToken)).send({ email, name: 'Ravi', role: 'agent' }).expect(201);
  expect(res.body.emailSent).toBe(false);
  expect(res.body.user).toMatchObject({ email, status: 'invited' });
  expect(res.body.inviteUrl).toContain(`/invite/${res.body.inviteToken}`);

  const team = await request(app.url).get('/users').set(bearer(owner.accessToken)).expect(200);
  expect(team.body.data.map((m: { email: string }) => m.email)).toContain(email);
  await request(app.url).post('/auth/accept-invite').send({ token: res.body.inviteToken, password: 'a fine password 7' }).expect(200);
});
