import { decodeJwt } from 'jose';
import request from 'supertest';
import { openWhatsappToken } from '../../db/crypto/sealed-columns';
import { kindKey, tenantIdKey } from '../../actors/search-attributes';
import { graphClient } from '../../sandbox/meta/testing/graph-client';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';
import { accountsOf, browserReceived, followCallback, historyOf, settingsPage, startSignup, storedRows, submitDialog } from './helpers';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(() => app?.stop());
afterEach(() => app.meta.clearFaults());

describe('Embedded Signup: start → Meta dialog → /meta/callback', () => {
  it('connects the number, stores the token sealed, and never shows it in responses or workflow history', async () => {
    const tenant = await registerTenant(app.url);
    const responses: string[] = [];

    const start = await request(app.url).get('/whatsapp/embedded/start').set(bearer(tenant.accessToken)).expect(200);
    responses.push(start.text);
    browserReceived(start.headers['set-cookie']);
    expect(String(start.headers['set-cookie'])).toMatch(/aerostic_connect=[^;]+; path=\/meta\/callback;.*samesite=lax; httponly/i);
    const dialog = new URL(start.body.url);
    expect(dialog.origin + dialog.pathname).toBe(app.config.meta.oauthDialogUrl);
    expect(Object.fromEntries(dialog.searchParams)).toMatchObject({
      client_id: app.config.meta.appId,
      config_id: app.config.meta.configId,
      response_type: 'code',
      override_default_response_type: 'true',
      redirect_uri: `${app.config.publicUrl}/meta/callback`,
      state: expect.any(String),
    });
    expect(JSON.parse(dialog.searchParams.get('extras')!)).toMatchObject({ sessionInfoVersion: '3' });

    const callback = await submitDialog(dialog);
    expect(callback.searchParams.get('waba_id')).toMatch(/^\d+$/);
    const result = await followCallback(callback);
    responses.push(result.body);
    expect(result.status).toBe(302);
    expect(result.location.toString()).toBe(`${settingsPage(app)}?connected=1`);

    const me = await request(app.url).get('/whatsapp/me').set(bearer(tenant.accessToken)).expect(200);
    responses.push(me.text);
    const simAccount = app.meta.accounts().find((a) => a.phoneNumberId === callback.searchParams.get('phone_number_id'))!;
    expect(simAccount).toMatchObject({ registered: true, subscribed: true });
    expect(me.body.accounts).toEqual([
      {
        id: expect.any(String),
        wabaId: simAccount.wabaId,
        phoneNumberId: simAccount.phoneNumberId,
        displayPhoneNumber: expect.stringMatching(/^\+/),
        verifiedName: 'Sandbox Business',
        status: 'connected',
        qualityRating: 'GREEN',
        isDefault: true,
      },
    ]);

    const [row] = await storedRows(app, tenant.tenant.id);
    const token = openWhatsappToken(app.config.encryptionKeys, tenant.tenant.id, { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id });
    expect(token).toMatch(/^EAAG/);
    // It is the real business token: Meta accepts it for the number.
    expect((await graphClient(app.meta.url)('GET', simAccount.phoneNumberId, { token })).status).toBe(200);
    expect(row.access_token_ciphertext).not.toContain(token);
    for (const body of responses) expect(body).not.toContain(token);

    const nonce = decodeJwt(dialog.searchParams.get('state')!).jti!;
    const workflowId = `whatsapp-connect:${tenant.tenant.id}:${nonce}`;
    const history = await historyOf(app, workflowId);
    // Decoded, the history holds the sealed credential and the account, never the token or the code.
    expect(history.decoded).toContain(simAccount.phoneNumberId);
    expect(history.decoded).toContain('"ciphertext"');
    for (const secret of [token, callback.searchParams.get('code')!]) {
      expect(history.stored).not.toContain(secret);
      expect(history.decoded).not.toContain(secret);
    }
    const description = await app.temporal.workflow.getHandle(workflowId).describe();
    expect(description.typedSearchAttributes.get(tenantIdKey)).toBe(tenant.tenant.id);
    expect(description.typedSearchAttributes.get(kindKey)).toBe('whatsapp-connect');
  });

  it('discovers the WABA and number through the token when the FINISH ids are missing', async () => {
    const tenant = await registerTenant(app.url);
    const callback = await submitDialog(await startSignup(app, tenant, { sim_omit_ids: '1' }));
    expect(callback.searchParams.has('waba_id')).toBe(false);
    const result = await followCallback(callback);
    expect(result.location.searchParams.get('connected')).toBe('1');
    const [account] = await accountsOf(app, tenant);
    const created = app.meta.accounts().find((a) => a.wabaId === account.wabaId)!;
    expect(account).toMatchObject({ phoneNumberId: created.phoneNumberId, isDefault: true, status: 'connected' });
    expect(created).toMatchObject({ registered: true, subscribed: true });
  });

  it('a cancelled dialog comes back as access_denied and stores nothing', async () => {
    const tenant = await registerTenant(app.url);
    const result = await followCallback(await submitDialog(await startSignup(app, tenant), 'cancel'));
    expect(result.location.toString()).toBe(`${settingsPage(app)}?error=access_denied`);
    expect(await storedRows(app, tenant.tenant.id)).toEqual([]);
  });

  it('Meta being down comes back as meta_unavailable and stores nothing', async () => {
    const tenant = await registerTenant(app.url);
    const callback = await submitDialog(await startSignup(app, tenant));
    app.meta.injectFault({ kind: 'http', status: 503, operation: 'access_token' });
    const result = await followCallback(callback);
    expect(result.location.searchParams.get('error')).toBe('meta_unavailable');
    expect(await storedRows(app, tenant.tenant.id)).toEqual([]);
  });

  it('refuses a number that another workspace already connected', async () => {
    const [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
    const account = app.meta.createAccount({ registered: false, subscribed: false });
    const init = { wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.token };
    await request(app.url).post('/whatsapp/cloud/init').set(bearer(a.accessToken)).send(init).expect(201);
    const taken = await request(app.url).post('/whatsapp/cloud/init').set(bearer(b.accessToken)).send(init).expect(409);
    expect(taken.body.error).toMatchObject({ code: 'whatsapp_number_taken', message: expect.stringContaining('another Aerostic workspace') });
    expect(await storedRows(app, b.tenant.id)).toEqual([]);
    expect(await storedRows(app, a.tenant.id)).toHaveLength(1);
  });
});
