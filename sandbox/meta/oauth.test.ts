import { startMetaSimulator, type MetaSimulator } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_ID = '670843887433847';
const APP_SECRET = 'oauth-secret';
const REDIRECT = 'http://127.0.0.1:3000/meta/callback';
let sim: MetaSimulator;
let receiver: WebhookReceiver;
let call: ReturnType<typeof graphClient>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: APP_ID, appSecret: APP_SECRET, webhookUrl: receiver.url, statuses: { upTo: 'none' } });
  call = graphClient(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
afterEach(() => sim.idle());
beforeEach(() => sim.reset({ all: true }));

function dialogUrl(extra: Record<string, string> = {}): string {
  const url = new URL(sim.dialogUrl);
  const params = {
    client_id: APP_ID,
    redirect_uri: REDIRECT,
    state: 'signed.state.value',
    config_id: 'cfg-1',
    response_type: 'code',
    override_default_response_type: 'true',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** What a browser does: load the dialog, submit its form with the clicked button's name/value. */
async function approveDialog(extra: Record<string, string> = {}, decision = 'approve'): Promise<URL> {
  const page = await fetch(dialogUrl(extra));
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`data-testid="approve"`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="(?:hidden|text)"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    form.set(
      m[1],
      m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
    );
  form.set('decision', decision);
  const res = await fetch(new URL(action, sim.url), { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function exchange(code: string): Promise<string> {
  const res = await call('GET', 'oauth/access_token', { query: { client_id: APP_ID, client_secret: APP_SECRET, code, redirect_uri: REDIRECT } });
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ access_token: expect.stringMatching(/^EAAG/), token_type: 'bearer' });
  return res.json.access_token;
}

describe('Embedded Signup', () => {
  it('shows the dialog and redirects with code, state and the FINISH ids on approve', async () => {
    const location = await approveDialog();
    expect(location.origin + location.pathname).toBe(REDIRECT);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toEqual({
      code: expect.stringMatching(/^AQ/),
      state: 'signed.state.value',
      waba_id: expect.stringMatching(/^\d+$/),
      phone_number_id: expect.stringMatching(/^\d+$/),
      business_id: expect.stringMatching(/^\d+$/),
    });
    expect(sim.accounts()).toEqual([expect.objectContaining({ wabaId: params.waba_id, phoneNumberId: params.phone_number_id, registered: false, subscribed: false })]);
  });

  it('omits the FINISH ids with sim_omit_ids=1, so the app must discover the WABA through debug_token', async () => {
    const location = await approveDialog({ sim_omit_ids: '1' });
    expect([...location.searchParams.keys()].sort()).toEqual(['code', 'state']);
    const token = await exchange(location.searchParams.get('code')!);
    const debug = await call('GET', 'debug_token', { query: { input_token: token }, token: sim.appAccessToken });
    expect(debug.json.data.granular_scopes[0].target_ids).toEqual([sim.accounts()[0].wabaId]);
  });

  it('redirects with error=access_denied when the user cancels', async () => {
    const location = await approveDialog({}, 'cancel');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'access_denied', error_reason: 'user_denied', state: 'signed.state.value' });
    expect(sim.accounts()).toHaveLength(0);
  });

  it('refuses a dialog for another app id', async () => {
    const res = await fetch(dialogUrl({ client_id: '42' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Invalid App ID');
  });

  it('exchanges the code once, checks the secret, and reports granular scopes in debug_token', async () => {
    const location = await approveDialog();
    const code = location.searchParams.get('code')!;
    const wabaId = location.searchParams.get('waba_id')!;

    const badSecret = await call('GET', 'oauth/access_token', { query: { client_id: APP_ID, client_secret: 'nope', code } });
    expect(badSecret.status).toBe(400);
    expect(badSecret.json.error).toMatchObject({ type: 'OAuthException', message: 'Error validating client secret.' });

    const token = await exchange(code);
    const reused = await call('GET', 'oauth/access_token', { query: { client_id: APP_ID, client_secret: APP_SECRET, code } });
    expect(reused.json.error).toMatchObject({ code: 100, error_subcode: 36009 });

    const debug = await call('GET', 'debug_token', { query: { input_token: token, access_token: `${APP_ID}|${APP_SECRET}` } });
    expect(debug.status).toBe(200);
    expect(debug.json.data).toMatchObject({
      app_id: APP_ID,
      is_valid: true,
      type: 'USER',
      expires_at: 0,
      scopes: expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: [wabaId] },
        { scope: 'whatsapp_business_messaging', target_ids: [wabaId] },
      ],
    });

    const invalid = await call('GET', 'debug_token', { query: { input_token: 'garbage' }, token: sim.appAccessToken });
    expect(invalid.json.data).toMatchObject({ is_valid: false, error: { code: 190 } });
    expect((await call('GET', 'debug_token', { query: { input_token: token } })).status).toBe(401);
  });

  it('exchanges a token for a long-lived one with the same scopes', async () => {
    const token = await exchange((await approveDialog()).searchParams.get('code')!);
    const res = await call('GET', 'oauth/access_token', { query: { grant_type: 'fb_exchange_token', client_id: APP_ID, client_secret: APP_SECRET, fb_exchange_token: token } });
    expect(res.json).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5184000 });
    const debug = await call('GET', 'debug_token', { query: { input_token: res.json.access_token }, token: sim.appAccessToken });
    expect(debug.json.data.granular_scopes[1].target_ids).toEqual([sim.accounts()[0].wabaId]);
  });

  it('completes onboarding: subscribe the app, register the number, read it back, then webhooks flow', async () => {
    const location = await approveDialog();
    const token = await exchange(location.searchParams.get('code')!);
    const wabaId = location.searchParams.get('waba_id')!;
    const phoneNumberId = location.searchParams.get('phone_number_id')!;

    const textSend = { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'hi' } };
    expect((await call('POST', `${phoneNumberId}/messages`, { token, json: textSend })).json.error.code).toBe(133010);

    expect((await call('POST', `${wabaId}/subscribed_apps`, { token })).json).toEqual({ success: true });
    expect((await call('GET', `${wabaId}/subscribed_apps`, { token })).json).toEqual({
      data: [{ whatsapp_business_api_data: { id: APP_ID, link: expect.any(String), name: 'Aerostic Sandbox' } }],
    });

    const badPin = await call('POST', `${phoneNumberId}/register`, { token, json: { messaging_product: 'whatsapp', pin: '12' } });
    expect(badPin.json.error.code).toBe(100);
    expect((await call('POST', `${phoneNumberId}/register`, { token, json: { messaging_product: 'whatsapp', pin: '123456' } })).json).toEqual({ success: true });
    expect((await call('POST', `${phoneNumberId}/register`, { token, json: { messaging_product: 'whatsapp', pin: '654321' } })).json.error.code).toBe(133005);

    const phone = await call('GET', phoneNumberId, { token, query: { fields: 'id,display_phone_number,verified_name,quality_rating,status' } });
    expect(phone.json).toEqual({
      id: phoneNumberId,
      display_phone_number: expect.stringMatching(/^\+1 \d{3}-\d{3}-\d{4}$/),
      verified_name: 'Sandbox Business',
      quality_rating: 'GREEN',
      status: 'CONNECTED',
    });
    const list = await call('GET', `${wabaId}/phone_numbers`, { token });
    expect(list.json.data).toEqual([expect.objectContaining({ id: phoneNumberId, verified_name: 'Sandbox Business', code_verification_status: 'VERIFIED' })]);

    expect((await call('POST', `${phoneNumberId}/messages`, { token, json: textSend })).status).toBe(200);
    await sim.customer(phoneNumberId).send('16505551234', 'hello');
    expect(receiver.received.some((r) => r.json?.entry?.[0]?.id === wabaId)).toBe(true);
  });

  it('verifies and uses an override callback URI per WABA', async () => {
    const account = sim.createAccount({ subscribed: false });
    const res = await call('POST', `${account.wabaId}/subscribed_apps`, {
      token: account.token,
      json: { override_callback_uri: `${receiver.url}?waba=override`, verify_token: 'vt' },
    });
    expect(res.json).toEqual({ success: true });
    receiver.received.length = 0;
    await sim.customer(account.phoneNumberId).send('16505551234', 'hi');
    expect(receiver.received[0].url).toContain('waba=override');
  });
});
