import { startGeminiSimulator, type GeminiSimulator } from './gemini';
import { startMetaSimulator, type MetaSimulator } from './meta';
import { razorpayAt } from './razorpay/test-helpers';
import { startRazorpaySimulator, type RazorpaySimulator } from './razorpay';

const APP = 'http://app.aerostic.test';
const EVIL = 'http://evil.example';
const control = { token: 'control-token-shared-with-the-app-0123456789', allowedOrigins: [APP] };
let meta: MetaSimulator;
let razorpay: RazorpaySimulator;
let gemini: GeminiSimulator;

beforeAll(async () => {
  [meta, razorpay, gemini] = await Promise.all([
    startMetaSimulator({ appId: '777', appSecret: 'app-secret', control }),
    startRazorpaySimulator({ keyId: 'rzp_test_control', keySecret: 'key-secret', webhookSecret: 'whsec', control }),
    startGeminiSimulator({ apiKey: 'gemini-key', control }),
  ]);
});
afterAll(async () => {
  await Promise.all([meta?.stop(), razorpay?.stop(), gemini?.stop()]);
});

const send = (base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
const withToken = { 'x-sandbox-control-token': control.token };
const fault = { meta: { kind: 'http', status: 500 }, razorpay: { status: 500, times: 1 }, gemini: { kind: 'http', status: 500 } };

describe.each([
  ['Meta', () => meta.url, fault.meta, async () => (await (await send(meta.url, 'GET', '/_sim/faults', withToken)).json()).data],
  // A Razorpay fault shows as the next REST call failing.
  [
    'Razorpay',
    () => razorpay.url,
    fault.razorpay,
    async () => (await fetch(`${razorpay.url}/v1/plans`, { headers: { authorization: `Basic ${Buffer.from('rzp_test_control:key-secret').toString('base64')}` } })).status,
  ],
  ['Gemini', () => gemini.url, fault.gemini, async () => (await (await send(gemini.url, 'GET', '/_sim/faults', withToken)).json()).data],
])('the %s simulator’s control routes', (_name, url, faultBody, state) => {
  it('refuse a request without the token, or with another one, and do nothing', async () => {
    const before = await state();
    for (const headers of [{}, { 'x-sandbox-control-token': 'guessed' }] as Record<string, string>[]) {
      const res = await send(url(), 'POST', '/_sim/faults', headers, faultBody);
      expect(res.status).toBe(401);
    }
    expect(await state()).toEqual(before);
  });

  it('refuse another origin even with the token (a simple cross-site POST), with no CORS grant', async () => {
    const before = await state();
    const res = await send(url(), 'POST', '/_sim/faults', { ...withToken, origin: EVIL }, faultBody);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await state()).toEqual(before);
    const preflight = await fetch(`${url()}/_sim/faults`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("grant CORS to the web app's origin only (never *), and answer it with the token", async () => {
    const preflight = await fetch(`${url()}/_sim/faults`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-sandbox-control-token' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-sandbox-control-token');
    const res = await send(url(), 'GET', '/_sim/faults', { ...withToken, origin: APP });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.status).toBeLessThan(500);
  });
});

describe('the Razorpay checkout page', () => {
  it('takes the pay form only from itself: another site posting it is refused and nothing is paid', async () => {
    const rzp = razorpayAt(razorpay.url, 'rzp_test_control', 'key-secret');
    const plan = await rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Pro', amount: 399900, currency: 'INR' } });
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    const pay = (origin: string) =>
      fetch(`${razorpay.url}/checkout/${sub.id}/pay`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
    expect((await pay(EVIL)).status).toBe(403);
    expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('created');
    expect((await pay(new URL(razorpay.url).origin)).status).toBe(200);
    expect((await rzp.subscriptions.fetch(sub.id)).status).toBe('active');
  });
});
