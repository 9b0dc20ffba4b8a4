import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';

/** The attacks schemathesis found (issue 9 item 9), sent by hand: each refused at the edge, nothing stored. */
let app: TestApp;
let tenant: RegisteredTenant;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  tenant = await registerTenant(app.url);
});
afterAll(async () => {
  await app?.stop();
});

const errorShape = (code: string) => ({ error: expect.objectContaining({ code, message: expect.any(String) }) });

describe('bad input is refused at the edge, never a 5xx', () => {
  it('answers undeclared methods with 405 in the error shape and the declared Allow', async () => {
    const trace = await request(app.url).trace('/labels').set(bearer(tenant.accessToken));
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('HEAD, GET, POST');
    const put = await request(app.url).put('/healthz');
    expect(put.status).toBe(405);
    expect(put.body).toEqual(errorShape('method_not_allowed'));
    // /users/:id exists, but PATCH is not a method of the literal /users/assignable.
    const patch = await request(app.url).patch('/users/assignable').set(bearer(tenant.accessToken)).send({ role: 'admin' });
    expect([patch.status, patch.headers.allow]).toEqual([405, 'HEAD, GET']);
    const options = await request(app.url).options('/users/assignable');
    expect(options.headers.allow).toBe('HEAD, GET');
  });

  it('documents a trimmed field’s minimum as the API counts it, after trimming (schemathesis found " a" and 19 spaces valid on paper, refused by the API)', async () => {
    const doc = (await request(app.url).get('/openapi.json').expect(200)).body;
    const schemaOf = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema;
    const workspace = new RegExp(schemaOf('/auth/register/initiate').properties.workspace.pattern, 'u');
    // The workspace name is at least 2 characters once trimmed.
    expect([' a' + ' '.repeat(19), 'a ', ' a '].map((v) => workspace.test(v))).toEqual([false, false, false]);
    expect([' ab ', 'a b', 'ab'].map((v) => workspace.test(v))).toEqual([true, true, true]);
    // The link token is the link's base64url text: no padding, no spaces.
    const token = new RegExp(schemaOf('/auth/password/reset').properties.token.pattern, 'u');
    expect([token.test('a'.repeat(25)), token.test(` a${' '.repeat(19)}`), token.test(`  ${'a'.repeat(21)}  `)]).toEqual([true, false, false]);
    await request(app.url)
      .post('/auth/password/reset')
      .send({ token: ` a${' '.repeat(19)}`, password: 'a new password 123' })
      .expect(400);
  });

  it('counts a trimmed text field’s length as the document does, before trimming, and stores nothing', async () => {
    const auth = bearer((await registerTenant(app.url)).accessToken);
    // maxLength 40 in /openapi.json: 40 letters and a space is over it, though 40 once trimmed.
    const padded = await request(app.url)
      .post('/labels')
      .set(auth)
      .send({ name: `${'a'.repeat(40)} ` });
    expect([padded.status, padded.body]).toEqual([400, errorShape('validation_failed')]);
    const labels = await request(app.url).get('/labels').set(auth).expect(200);
    expect(labels.body.data.map((l: { name: string }) => l.name)).not.toContain('a'.repeat(40));
    await request(app.url)
      .post('/labels')
      .set(auth)
      .send({ name: ` ${'b'.repeat(38)} ` })
      .expect(201);
    // maxLength counts characters (code points), as zod does: 40 emoji are 80 UTF-16 units and fit.
    await request(app.url)
      .post('/labels')
      .set(auth)
      .send({ name: '😀'.repeat(40) })
      .expect(201);
    await request(app.url)
      .post('/labels')
      .set(auth)
      .send({ name: '😀'.repeat(41) })
      .expect(400);
  });

  it('refuses NUL bytes and lone surrogates in bodies and queries, and stores nothing', async () => {
    const auth = bearer(tenant.accessToken);
    const nul = await request(app.url).post('/labels').set(auth).send({ name: 'vip\u0000' });
    expect([nul.status, nul.body]).toEqual([400, errorShape('validation_failed')]);
    const surrogate = await request(app.url).post('/canned-responses').set(auth).set('Content-Type', 'application/json').send('{"shortcut":"hi","body":"x\\ud800"}');
    expect([surrogate.status, surrogate.body]).toEqual([400, errorShape('validation_failed')]);
    const search = await request(app.url).get('/conversations').query({ q: 'a\u0000b' }).set(auth);
    expect([search.status, search.body]).toEqual([400, errorShape('validation_failed')]);
    expect((await request(app.url).get('/labels').set(auth).expect(200)).body.data).toEqual([]);
    expect((await request(app.url).get('/canned-responses').set(auth).expect(200)).body.data).toEqual([]);
  });

  it('answers a forged cursor with 400 invalid_cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ createdAt: 'not a time', id: "x' or 1=1" })).toString('base64url');
    const res = await request(app.url).get('/users').query({ cursor: forged }).set(bearer(tenant.accessToken));
    expect([res.status, res.body]).toEqual([400, errorShape('invalid_cursor')]);
  });

  it('pages with the cursors it hands out', async () => {
    const auth = bearer(tenant.accessToken);
    for (let i = 0; i < 2; i++) {
      await request(app.url)
        .post('/users/invite')
        .set(auth)
        .send({ email: `page${i}.${tenant.tenant.id.slice(0, 8)}@example.com`, name: `Page ${i}`, role: 'agent' })
        .expect(201);
    }
    const page1 = await request(app.url).get('/users').query({ limit: 2 }).set(auth).expect(200);
    expect(page1.body.nextCursor).toEqual(expect.stringMatching(/^\d+_[0-9a-f-]{36}$/));
    const page2 = await request(app.url).get('/users').query({ limit: 2, cursor: page1.body.nextCursor }).set(auth).expect(200);
    const seen = [...page1.body.data, ...page2.body.data].map((u: { id: string }) => u.id);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
