import { startMetaSimulator, type MetaSimulator, type SimAccount } from './index';
import { graphClient } from './testing/graph-client';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const APP_SECRET = 'fault-secret';
let sim: MetaSimulator;
let receiver: WebhookReceiver;
let account: SimAccount;
let call: ReturnType<typeof graphClient>;
const text = { messaging_product: 'whatsapp', to: '16505551234', text: { body: 'Hi' } };

beforeAll(async () => {
  receiver = await startWebhookReceiver(APP_SECRET);
  sim = await startMetaSimulator({ appId: '444', appSecret: APP_SECRET, webhookUrl: receiver.url, statuses: { upTo: 'none', delayMs: 1 } });
  call = graphClient(sim.url);
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
afterEach(() => sim.idle());
beforeEach(() => {
  sim.reset({ all: true });
  receiver.received.length = 0;
  account = sim.createAccount();
});

const send = (phoneNumberId = account.phoneNumberId, token = account.token) => call('POST', `${phoneNumberId}/messages`, { token, json: text });

describe('faults', () => {
  it.each([
    [500, 1, 'An unknown error has occurred.'],
    [503, 2, 'Service temporarily unavailable'],
  ])('HTTP %i with a transient Graph error', async (status, code, message) => {
    sim.injectFault({ kind: 'http', status: status as 500 | 503, times: 1 });
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json.error).toMatchObject({ code, message, is_transient: true, fbtrace_id: expect.any(String) });
    expect((await send()).status).toBe(200);
    expect(sim.sent()).toHaveLength(1);
  });

  it('HTTP 429 with Retry-After', async () => {
    sim.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 7 });
    const res = await send();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.json.error).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
  });

  it('hangs until the client gives up', async () => {
    sim.injectFault({ kind: 'hang', times: 1 });
    const started = Date.now();
    await expect(call('POST', `${account.phoneNumberId}/messages`, { token: account.token, json: text, signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.sent()).toHaveLength(0);
    expect((await send()).status).toBe(200);
  });

  it('answers a malformed (non-JSON) body', async () => {
    sim.injectFault({ kind: 'malformed', times: 1 });
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it('delays, then answers normally', async () => {
    sim.injectFault({ kind: 'delay', ms: 150, times: 1 });
    const started = Date.now();
    expect((await send()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it.each([
    [130429, 400, '(#130429) Rate limit hit', 2494055],
    [131051, 400, '(#131051) Unsupported message type', undefined],
    [100, 400, '(#100) Invalid parameter', undefined],
    [131047, 400, '(#131047) Re-engagement message', undefined],
    [131026, 400, '(#131026) Message undeliverable', undefined],
  ])("Meta error %i synchronously in Meta's shape", async (code, status, message, subcode) => {
    sim.injectFault({ kind: 'meta-error', code, async: false, times: 1 });
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json).toEqual({
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        ...(res.json.error.error_data ? { error_data: { messaging_product: 'whatsapp', details: expect.any(String) } } : {}),
        fbtrace_id: expect.any(String),
      },
    });
    expect(sim.sent()).toHaveLength(0);
  });

  it('190 token expired with HTTP 401', async () => {
    sim.injectFault({ kind: 'meta-error', code: 190, times: 1 });
    const res = await send();
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
  });

  it.each([131047, 131026])('%i by default arrives asynchronously: 200 with a wamid, then a failed status', async (code) => {
    sim.injectFault({ kind: 'meta-error', code, times: 1 });
    const res = await send();
    expect(res.status).toBe(200);
    const wamid = res.json.messages[0].id;
    await sim.idle();
    const status = receiver.received[0].json.entry[0].changes[0].value.statuses[0];
    expect(status).toMatchObject({ id: wamid, status: 'failed', errors: [{ code, title: expect.any(String), error_data: { details: expect.any(String) } }] });
    expect(sim.sent()[0].failureCode).toBe(code);
  });

  it('applies only to the given phone number and operation, for N calls', async () => {
    const other = sim.createAccount();
    const id = sim.injectFault({ kind: 'http', status: 503, phoneNumberId: account.phoneNumberId, operation: 'messages', times: 2 });
    expect((await send(other.phoneNumberId, other.token)).status).toBe(200);
    expect((await call('GET', account.phoneNumberId, { token: account.token })).status).toBe(200);
    expect(sim.activeFaults()).toEqual([expect.objectContaining({ id, remaining: 2 })]);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(200);
    expect(sim.activeFaults()).toEqual([]);
    expect(
      sim
        .requests()
        .filter((r) => r.operation === 'messages')
        .map((r) => [r.status, Boolean(r.faultId)]),
    ).toEqual([
      [200, false],
      [503, true],
      [503, true],
      [200, false],
    ]);
  });

  it('lasts until cleared when no count is given', async () => {
    sim.injectFault({ kind: 'meta-error', code: 130429 });
    for (let i = 0; i < 3; i++) expect((await send()).json.error.code).toBe(130429);
    sim.clearFaults();
    expect((await send()).status).toBe(200);
  });

  it('faults other operations too (e.g. media download, code exchange)', async () => {
    sim.injectFault({ kind: 'http', status: 500, operation: 'access_token', times: 1 });
    expect((await call('GET', 'oauth/access_token', { query: { client_id: '444', client_secret: APP_SECRET, code: 'x' } })).status).toBe(500);
  });

  it('is driven over HTTP via /_sim/faults', async () => {
    const post = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-control-token': sim.controlToken },
      body: JSON.stringify({ kind: 'meta-error', code: 131051, async: false, phoneNumberId: account.phoneNumberId, times: 1 }),
    });
    const { id } = await post.json();
    expect(id).toEqual(expect.any(String));
    expect((await (await fetch(`${sim.url}/_sim/faults`, { headers: { 'x-sandbox-control-token': sim.controlToken } })).json()).data).toHaveLength(1);
    expect((await send()).json.error.code).toBe(131051);

    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-control-token': sim.controlToken },
      body: JSON.stringify({ kind: 'http', status: 429, retryAfterSeconds: 3 }),
    });
    expect((await send()).headers.get('retry-after')).toBe('3');
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: { 'x-sandbox-control-token': sim.controlToken } });
    expect((await send()).status).toBe(200);

    const invalid = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-control-token': sim.controlToken },
      body: JSON.stringify({ kind: 'meta-error', code: 12345 }),
    });
    expect(invalid.status).toBe(400);
  });
});
