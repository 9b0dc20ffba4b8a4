import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { accountsOf, historyOf, storedRows } from './helpers';

let app: TestApp;
let tenant: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
}, 120_000);
afterAll(() => app?.stop());

const init = (body: object, who = tenant) => request(app.url).post('/whatsapp/cloud/init').set(bearer(who.accessToken)).send(body);
const fakeToken = () => `EAAG${randomBytes(40).toString('hex')}`;

describe('POST /whatsapp/cloud/init', () => {
  it('registers the number and answers the account without its token; again updates the same account', async () => {
    const account = app.meta.createAccount({ registered: false, subscribed: false, verifiedName: 'Lucky Shrub' });
    const body = { wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.token, pin: '123456' };
    const res = await init(body).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      displayPhoneNumber: expect.stringMatching(/^\+/),
      verifiedName: 'Lucky Shrub',
      status: 'connected',
      qualityRating: 'GREEN',
      isDefault: true,
    });
    expect(res.text).not.toContain(account.token);
    expect(app.meta.accounts().find((a) => a.phoneNumberId === account.phoneNumberId)).toMatchObject({ registered: true, subscribed: true });

    const query = `AerosticTenantId = '${tenant.tenant.id}' AND AerosticKind = 'whatsapp-connect'`;
    const [run] = await eventually(async () => {
      const runs = [];
      for await (const w of app.temporal.workflow.list({ query })) runs.push(w);
      expect(runs).toHaveLength(1);
      return runs;
    });
    const history = await historyOf(app, run.workflowId);
    expect(history.decoded).toContain(account.phoneNumberId);
    for (const secret of [account.token, body.pin]) {
      expect(history.stored).not.toContain(secret);
      expect(history.decoded).not.toContain(secret);
    }

    const again = await init(body).expect(201);
    expect(again.body.id).toBe(res.body.id);
    expect(await accountsOf(app, tenant)).toHaveLength(1);
  });

  it('names the bad field', async () => {
    const cases: [object, string][] = [
      [{ wabaId: 'abc', phoneNumberId: '1', accessToken: fakeToken() }, 'wabaId'],
      [{ wabaId: '1', accessToken: fakeToken() }, 'phoneNumberId'],
      [{ wabaId: '1', phoneNumberId: '2', accessToken: 'short' }, 'accessToken'],
      [{ wabaId: '1', phoneNumberId: '2', accessToken: fakeToken(), pin: '12' }, 'pin'],
    ];
    for (const [body, field] of cases) {
      const res = await init(body).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });

  it('a token Meta does not accept (190) is a clear 422 and stores nothing', async () => {
    const account = app.meta.createAccount();
    const res = await init({ wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: fakeToken() }).expect(422);
    expect(res.body.error).toEqual({ code: 'whatsapp_token_invalid', message: expect.stringContaining('Meta did not accept this access token') });

    app.meta.expireToken(account.token);
    const expired = await init({ wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.token }).expect(422);
    expect(expired.body.error.code).toBe('whatsapp_token_invalid');
    expect((await storedRows(app, tenant.tenant.id)).map((r) => r.phone_number_id)).not.toContain(account.phoneNumberId);
  });

  it('a token without the WhatsApp scopes on that WABA is refused as missing_permissions', async () => {
    const account = app.meta.createAccount();
    const unscoped = app.meta.registerToken(fakeToken(), { wabaIds: [] });
    const res = await init({ wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: unscoped }).expect(422);
    expect(res.body.error.code).toBe('whatsapp_missing_permissions');
    expect(res.body.error.message).toContain('needs both WhatsApp permissions');

    const elsewhere = app.meta.createAccount();
    const otherWaba = app.meta.registerToken(fakeToken(), { wabaIds: [elsewhere.wabaId] });
    const res2 = await init({ wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: otherWaba }).expect(422);
    expect(res2.body.error.code).toBe('whatsapp_missing_permissions');
  });

  it('a number outside the WABA, and a wrong PIN, are refused with their reason', async () => {
    const [one, two] = [app.meta.createAccount(), app.meta.createAccount({ registered: false })];
    const mismatch = await init({ wabaId: one.wabaId, phoneNumberId: two.phoneNumberId, accessToken: one.token }).expect(422);
    expect(mismatch.body.error.code).toBe('whatsapp_account_not_found');

    await init({ wabaId: two.wabaId, phoneNumberId: two.phoneNumberId, accessToken: two.token, pin: '111111' }).expect(201);
    const wrongPin = await init({ wabaId: two.wabaId, phoneNumberId: two.phoneNumberId, accessToken: two.token, pin: '222222' }).expect(422);
    expect(wrongPin.body.error.code).toBe('whatsapp_pin_mismatch');
  });
});
