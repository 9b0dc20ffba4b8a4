import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bearer, type RegisteredTenant } from '../factories';

/** A teammate invited by the tenant's admin who accepted, signed in with `role`. */
export async function inviteMember(url: string, admin: RegisteredTenant, role: 'admin' | 'agent' = 'agent'): Promise<{ accessToken: string; user: { id: string } }> {
  const email = `member.${randomBytes(4).toString('hex')}@example.com`;
  const invited = await request(url).post('/users/invite').set(bearer(admin.accessToken)).send({ email, name: 'Ravi Agent', role }).expect(201);
  const accepted = await request(url).post('/auth/accept-invite').send({ token: invited.body.inviteToken, password: 'a fine password 7' }).expect(200);
  return accepted.body;
}
