import { startMetaSimulator, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';

let sim: MetaSimulator;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;
const text = { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'Hi' } };

beforeAll(async () => {
  sim = await startMetaSimulator({ appId: '111', appSecret: 'auth-secret', statuses: { upTo: 'none' } });
  call = graphClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset({ all: true });
  account = sim.createAccount();
});

describe('bearer token auth', () => {
  it('answers a missing token with 190 and HTTP 401', async () => {
    const res = await call('POST', `${account.phoneNumberId}/messages`, { json: text });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) });
    expect(res.headers.get('www-authenticate')).toMatch(/^OAuth "Facebook Platform" "invalid_token"/);
  });

  it('answers an unknown token with 190 "Cannot parse access token"', async () => {
    const res = await call('POST', `${account.phoneNumberId}/messages`, { token: 'EAAGnotatoken', json: text });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
  });

  it('answers an expired token with 190/463', async () => {
    sim.expireToken(account.token);
    const res = await call('POST', `${account.phoneNumberId}/messages`, { token: account.token, json: text });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 190, error_subcode: 463, message: expect.stringMatching(/^Error validating access token: Session has expired/) });
  });

  it("hides numbers of other WABAs behind Graph's 100/33", async () => {
    const other = sim.createAccount();
    const res = await call('POST', `${other.phoneNumberId}/messages`, { token: account.token, json: text });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('accepts registered tokens (unscoped or scoped) and the access_token query parameter', async () => {
    sim.registerToken('system-user-token');
    sim.registerToken('scoped-token', { wabaIds: [account.wabaId] });
    expect((await call('POST', `${account.phoneNumberId}/messages`, { token: 'system-user-token', json: text })).status).toBe(200);
    expect((await call('POST', `${account.phoneNumberId}/messages`, { token: 'scoped-token', json: text })).status).toBe(200);
    expect((await call('GET', account.phoneNumberId, { query: { access_token: account.token } })).status).toBe(200);
  });
});
