import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { accountsOf } from './helpers';

let app: TestApp;
let a: RegisteredTenant;
let b: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp();
  [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
}, 120_000);
afterAll(() => app?.stop());

async function connectNumber(tenant: RegisteredTenant) {
  const account = app.meta.createAccount();
  const body = { wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.token };
  return (await request(app.url).post('/whatsapp/cloud/init').set(bearer(tenant.accessToken)).send(body).expect(201)).body;
}

const makeDefault = (tenant: RegisteredTenant, id: string) => request(app.url).post(`/whatsapp/accounts/${id}/default`).set(bearer(tenant.accessToken));

describe('WhatsApp accounts of a workspace', () => {
  it('the first number is the default; another can be made the default', async () => {
    const first = await connectNumber(a);
    const second = await connectNumber(a);
    expect([first.isDefault, second.isDefault]).toEqual([true, false]);

    const res = await makeDefault(a, second.id).expect(200);
    expect(res.body).toMatchObject({ id: second.id, isDefault: true });
    const accounts = await accountsOf(app, a);
    expect(accounts.map((x) => [x.id, x.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });

  it("another workspace neither sees nor can change a workspace's numbers", async () => {
    const before = await accountsOf(app, a);
    const account = before.find((x) => !x.isDefault)!;
    expect(await accountsOf(app, b)).toEqual([]);
    const res = await makeDefault(b, account.id).expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain(account.phoneNumberId);
    expect(await accountsOf(app, a)).toEqual(before);
  });

  it('validates the id, and only admins change the default', async () => {
    expect((await makeDefault(a, 'nope').expect(400)).body.error.details[0].path).toBe('id');
    await makeDefault(a, '00000000-0000-4000-8000-000000000000').expect(404);
    const invite = await request(app.url)
      .post('/users/invite')
      .set(bearer(a.accessToken))
      .send({ email: `agent.${Date.now()}@example.com`, name: 'Agent Smith', role: 'agent' })
      .expect(201);
    const accepted = await request(app.url).post('/auth/accept-invite').send({ token: invite.body.inviteToken, password: 'correct horse 42 battery' }).expect(200);
    // The agent tries to promote a number that is not the default: refused, and the default stays.
    const before = await accountsOf(app, a);
    const notDefault = before.find((x) => !x.isDefault)!;
    expect(notDefault).toBeDefined();
    await request(app.url).get('/whatsapp/me').set(bearer(accepted.body.accessToken)).expect(200);
    await request(app.url).post(`/whatsapp/accounts/${notDefault.id}/default`).set(bearer(accepted.body.accessToken)).expect(403);
    expect(await accountsOf(app, a)).toEqual(before);
    await request(app.url).get('/whatsapp/embedded/start').set(bearer(accepted.body.accessToken)).expect(403);
  });
});
