import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { newRegistration, registerTenant } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096', AUTH_RATE_LIMIT_PER_MINUTE: '5' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('HTTP conventions (SPEC §3)', () => {
  it('400 malformed_json for a body that is not JSON', async () => {
    const res = await request(app.url).post('/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.co",').expect(400);
    expect(res.body).toEqual({ error: { code: 'malformed_json', message: expect.any(String) } });
  });

  it('413 for an oversized body', async () => {
    const res = await request(app.url)
      .post('/auth/register/initiate')
      .send({ ...newRegistration(), name: 'x'.repeat(10_000) })
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('415 for a body that is not JSON at all', async () => {
    const res = await request(app.url).post('/auth/login').set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('404 in the error shape for an unknown API route', async () => {
    const res = await request(app.url).get('/no-such-thing').set('Accept', 'application/json').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('gives every response a request id, echoing a well-formed one', async () => {
    const res = await request(app.url).get('/healthz').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await request(app.url).get('/healthz').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await request(app.url).get('/healthz').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('allows CORS only for the web origin, with credentials', async () => {
    const allowed = await request(app.url).options('/auth/login').set('Origin', app.config.webOrigin).set('Access-Control-Request-Method', 'POST').expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(app.config.webOrigin);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const denied = await request(app.url).options('/auth/login').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits the auth endpoints with 429 and Retry-After', async () => {
    const attempts = [];
    for (let i = 0; i < 7; i++) attempts.push(await request(app.url).post('/auth/login').send({ email: 'who@example.com', password: 'nope nope 1' }));
    expect(attempts.slice(0, 5).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[6].status).toBe(429);
    expect(attempts[6].body.error.code).toBe('rate_limited');
    expect(Number(attempts[6].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never leaks a stack trace or an internal message: a database outage is a generic 500', async () => {
    const broken = await startTestApp({ withoutWorker: true, env: { DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/none' } });
    try {
      const res = await request(broken.url).post('/auth/login').send({ email: 'who@example.com', password: 'whatever 12345' }).expect(500);
      expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on our side; please try again.' } });
      const ready = await request(broken.url).get('/readyz').expect(503);
      expect(ready.body.checks).toEqual({ postgres: 'failing', temporal: 'ok' });
    } finally {
      await broken.stop();
    }
  });
});

describe('operations endpoints', () => {
  it('/healthz and /readyz (Postgres and Temporal checked)', async () => {
    await request(app.url).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(app.url).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'ok', temporal: 'ok' } });
  });

  it('/metrics in Prometheus format, labelled by route pattern', async () => {
    await request(app.url).get('/healthz');
    const res = await request(app.url).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/aerostic_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
  });

  it('/openapi.json is generated from the validating schemas; /docs renders it', async () => {
    const doc = (await request(app.url).get('/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    const initiate = doc.paths['/auth/register/initiate'].post;
    expect(initiate.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'workspace', 'password']));
    expect(initiate.requestBody.content['application/json'].schema.properties.phone.pattern).toBeDefined();
    expect(doc.paths['/users/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/users'].get.security).toEqual([{ bearer: [] }]);
    const docs = await request(app.url).get('/docs').expect(200);
    expect(docs.text).toContain('/auth/register/initiate');
  });
});

describe('sandbox outbox', () => {
  it('lists what the platform sent to a phone, newest first, and validates the phone', async () => {
    const tenant = await registerTenant(app.url);
    const res = await request(app.url).get('/sandbox/outbox').query({ to: tenant.registration.phone }).expect(200);
    expect(res.body.data[0]).toMatchObject({ to: tenant.registration.phone, kind: 'otp', body: expect.stringMatching(/\d{6}/) });
    const bad = await request(app.url).get('/sandbox/outbox').query({ to: '12345' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('to');
  });
});
