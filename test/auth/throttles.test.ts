import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant, uniquePhone, type RegisteredTenant } from '../support/factories';

/**
 * Limits of 3 failed attempts a minute. `direct` trusts no proxy (the socket address is the client);
 * `proxied` trusts one hop, so each test can speak from client addresses of its own.
 */
const LIMIT = 3;
let direct: TestApp;
let proxied: TestApp;
let tenant: RegisteredTenant;

beforeAll(async () => {
  const env = { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), WEBHOOK_RATE_LIMIT_PER_MINUTE: '5', PUBLIC_URL: 'https://aerostic.example' };
  [direct, proxied] = await Promise.all([startTestApp({ withoutWorker: true, env }), startTestApp({ withoutWorker: true, env: { ...env, TRUST_PROXY_HOPS: '1' } })]);
  tenant = await registerTenant(proxied.url);
}, 120_000);
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

const someEmail = () => `nobody.${randomBytes(4).toString('hex')}@example.com`;
const someAddress = () => `203.0.113.${1 + (randomBytes(1)[0] % 250)}`;
const sessionsOf = (app: TestApp, userId: string) => app.db.system('refresh_tokens').where({ user_id: userId }).count<{ count: string }[]>('id as count').first();

describe('auth throttles', () => {
  it('are keyed by the matched route: other spellings of /auth/login share its bucket', async () => {
    const client = someAddress();
    const spellings = ['/auth/login', '/auth/LOGIN', '/auth/login/'];
    // A different account each time, so only the client address's bucket for the route can fill up.
    for (const path of spellings) {
      await request(proxied.url).post(path).set('X-Forwarded-For', client).send({ email: someEmail(), password: 'wrong password 1' }).expect(401);
    }
    const before = await sessionsOf(proxied, tenant.user.id);
    const refused = await request(proxied.url)
      .post('/Auth/Login/')
      .set('X-Forwarded-For', client)
      .send({ email: tenant.registration.email, password: tenant.registration.password })
      .expect(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(60);
    expect(await sessionsOf(proxied, tenant.user.id)).toEqual(before);
    // A doubled slash is no route at all: nothing is attempted.
    await request(proxied.url).post('//auth/login').set('X-Forwarded-For', client).send({ email: tenant.registration.email, password: tenant.registration.password }).expect(404);
    expect(await sessionsOf(proxied, tenant.user.id)).toEqual(before);
  });

  it('count per account too: one email attacked from many addresses is locked', async () => {
    const email = tenant.registration.email;
    for (let i = 0; i < LIMIT; i++) {
      await request(proxied.url)
        .post('/auth/login')
        .set('X-Forwarded-For', someAddress())
        .send({ email: email.toUpperCase(), password: `wrong password ${i}` })
        .expect(401);
    }
    const before = await sessionsOf(proxied, tenant.user.id);
    await request(proxied.url).post('/auth/login').set('X-Forwarded-For', someAddress()).send({ email, password: tenant.registration.password }).expect(429);
    expect(await sessionsOf(proxied, tenant.user.id)).toEqual(before);
  });

  it('count per phone on sign-up: wrong codes for one phone from many addresses and emails', async () => {
    const phone = uniquePhone();
    const attempt = () =>
      request(proxied.url)
        .post('/auth/register')
        .set('X-Forwarded-For', someAddress())
        .send({ name: 'Mallory', email: someEmail(), phone, workspace: `Guess ${randomBytes(3).toString('hex')}`, password: 'correct horse 42 battery', otp: '000000' });
    for (let i = 0; i < LIMIT; i++) expect((await attempt()).status).toBe(422);
    const refused = await attempt().expect(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(await proxied.db.system('users').where({ phone }).first()).toBeUndefined();
  });

  it('do not count successes: a user signing in repeatedly is never locked out', async () => {
    const client = someAddress();
    const other = await registerTenant(proxied.url);
    for (let i = 0; i < LIMIT + 2; i++) {
      await request(proxied.url).post('/auth/login').set('X-Forwarded-For', client).send({ email: other.registration.email, password: other.registration.password }).expect(200);
    }
  });

  it('believe only the trusted hop of X-Forwarded-For: entries a client prepends change nothing', async () => {
    const client = someAddress();
    for (let i = 0; i < LIMIT; i++) {
      await request(proxied.url).post('/admin/login').set('X-Forwarded-For', `198.51.100.${i}, ${client}`).send({ email: someEmail(), password: 'wrong password 1' }).expect(401);
    }
    await request(proxied.url).post('/admin/login').set('X-Forwarded-For', `198.51.100.99, ${client}`).send({ email: someEmail(), password: 'wrong password 1' }).expect(429);
  });

  it('with no trusted proxy, a forged X-Forwarded-For changes nothing', async () => {
    for (let i = 0; i < LIMIT; i++) {
      await request(direct.url).post('/auth/login').set('X-Forwarded-For', someAddress()).send({ email: someEmail(), password: 'wrong password 1' }).expect(401);
    }
    await request(direct.url).post('/auth/login').set('X-Forwarded-For', someAddress()).send({ email: someEmail(), password: 'wrong password 1' }).expect(429);
    // Each route has its own bucket: a refresh from the same client is still answered.
    await request(direct.url).post('/auth/refresh').set('Cookie', 'aerostic_refresh=garbage').expect(401);
  });

  it('cover /auth/refresh and /auth/accept-invite', async () => {
    const client = someAddress();
    for (let i = 0; i < LIMIT; i++) await request(proxied.url).post('/auth/refresh').set('X-Forwarded-For', client).set('Cookie', 'aerostic_refresh=garbage').expect(401);
    await request(proxied.url).post('/auth/refresh').set('X-Forwarded-For', client).set('Cookie', tenant.refreshCookie).expect(429);
    for (let i = 0; i < LIMIT; i++) {
      await request(proxied.url)
        .post('/auth/accept-invite')
        .set('X-Forwarded-For', client)
        .send({ token: randomBytes(24).toString('hex'), password: 'correct horse 42 battery' })
        .expect(404);
    }
    await request(proxied.url)
      .post('/auth/accept-invite')
      .set('X-Forwarded-For', client)
      .send({ token: randomBytes(24).toString('hex'), password: 'correct horse 42 battery' })
      .expect(429);
  });

  it('cover /auth/invite/lookup: invitation tokens cannot be guessed by looking them up', async () => {
    const client = someAddress();
    for (let i = 0; i < LIMIT; i++) {
      await request(proxied.url)
        .post('/auth/invite/lookup')
        .set('X-Forwarded-For', client)
        .send({ token: randomBytes(24).toString('hex') })
        .expect(404);
    }
    await request(proxied.url)
      .post('/auth/invite/lookup')
      .set('X-Forwarded-For', client)
      .send({ token: randomBytes(24).toString('hex') })
      .expect(429);
  });
});

describe('the API document', () => {
  it('lists 429 on every throttled route and on no other', async () => {
    const doc = (await request(direct.url).get('/openapi.json').expect(200)).body;
    const throttled = [
      'post /auth/login',
      'post /auth/register/initiate',
      'post /auth/register',
      'post /admin/login',
      'post /auth/refresh',
      'post /auth/accept-invite',
      'post /auth/invite/lookup',
      'post /auth/register/resend',
      'get /webhooks/meta',
      'post /webhooks/meta',
      'post /webhooks/razorpay',
    ];
    for (const operation of throttled) {
      const [method, path] = operation.split(' ');
      expect({ operation, documented: Boolean(doc.paths[path][method].responses['429']) }).toEqual({ operation, documented: true });
    }
    expect(doc.paths['/auth/logout'].post.responses['429']).toBeUndefined();
  });
});

describe('webhooks', () => {
  it('get a generous per-client limit, whatever the spelling', async () => {
    const client = someAddress();
    const statuses: number[] = [];
    for (const path of ['/webhooks/meta', '/webhooks/META', '/webhooks/meta/', '/Webhooks/Meta', '/webhooks/meta', '/webhooks/meta']) {
      statuses.push(
        (await request(proxied.url).get(path).set('X-Forwarded-For', client).query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' })).status,
      );
    }
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses[5]).toBe(429);
    // Razorpay has its own bucket.
    const razorpay = await request(proxied.url).post('/webhooks/razorpay').set('X-Forwarded-For', client).set('Content-Type', 'application/json').send('{}');
    expect(razorpay.status).not.toBe(429);
  });
});

describe('cookies', () => {
  it('carry Secure when the deployment is https, whatever the request or its proxy headers claim', async () => {
    for (const proto of [undefined, 'http']) {
      const req = request(direct.url).post('/auth/refresh').set('Cookie', tenant.refreshCookie);
      const res = await (proto ? req.set('X-Forwarded-Proto', proto) : req);
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/aerostic_refresh=[^;]+;.*secure/i);
      tenant.refreshCookie = String(res.headers['set-cookie']).split(';')[0];
    }
  });
});
