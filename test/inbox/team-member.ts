import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

/** A teammate invited by the tenant's admin who accepted, signed in with `role`. */
export async function inviteMember(url: string, admin: RegisteredTenant, role: 'admin' | 'agent' = 'agent'): Promise<{ accessToken: string; user: { id: string } }> {
  const email = `member.${randomBytes(4).toString('hex')}@example.com`;
  const invited = await request(url).post('/users/invite').set(bearer(admin.accessToken)).send({ email, name: 'Ravi Agent', role }).expect(201);
  const accepted = await request(url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'a fine password 7' }).expect(200);
  return accepted.body;
}

/** A workspace with an admin and an agent, and a second workspace to prove isolation (API-only app). */
export async function startTwoWorkspaces(): Promise<{ app: TestApp; tenant: RegisteredTenant; other: RegisteredTenant; agentToken: string }> {
  const app = await startTestApp({ withoutWorker: true });
  const [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  const agentToken = (await inviteMember(app.url, tenant)).accessToken;
  return { app, tenant, other, agentToken };
}
