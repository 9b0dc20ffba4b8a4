import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { dataJson, jsonPlain, metadataText, signedInPlatformAdmin, type JsonPayload, type PlatformAdmin } from './helpers';

const UI_ORIGIN = 'http://localhost:8233';
let app: TestApp;
let admin: PlatformAdmin;
let tenant: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  [admin, tenant] = await Promise.all([signedInPlatformAdmin(app), registerTenant(app.url)]);
});
afterAll(async () => {
  await app?.stop();
});

const login = (email: string, password: string) => request(app.url).post('/admin/login').send({ email, password });
const codec = (operation: 'encode' | 'decode') => request(app.url).post(`/codec/${operation}`);

describe('scripts/create-platform-admin.ts', () => {
  const run = (args: string[], password: string) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'create-platform-admin.ts'), ...args], {
      env: { ...process.env, ADMIN_PASSWORD: password },
    });

  it('creates a platform admin who can sign in, and run again resets the password', async () => {
    const email = `Root.${randomBytes(4).toString('hex')}@Aerostic.test`;
    const created = await run(['--email', email, '--name', 'Root'], 'first password 1');
    expect(created.stdout).toMatch(/^created platform admin root\./);
    await login(email, 'first password 1').expect(200);

    const updated = await run(['--email', email, '--name', 'Root'], 'second password 2');
    expect(updated.stdout).toMatch(/^updated platform admin/);
    await login(email, 'first password 1').expect(401);
    await login(email, 'second password 2').expect(200);
  });

  it('is `npm run create-platform-admin`, and `npm run create-admin` stays its alias', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['create-platform-admin']).toBe('tsx scripts/create-platform-admin.ts');
    expect(scripts['create-admin']).toBe(scripts['create-platform-admin']);
  });

  it('keeps platform admins in platform_admins: "admins" names no table any more', async () => {
    const tables = (await app.db.system.raw("select to_regclass('platform_admins') as platform, to_regclass('admins') as workspace")).rows[0];
    expect(tables).toEqual({ platform: 'platform_admins', workspace: null });
  });

  it('refuses a weak password and says how to call it', async () => {
    await expect(run(['--email', 'weak@aerostic.test', '--name', 'Weak'], 'short')).rejects.toMatchObject({
      stderr: expect.stringMatching(/usage: create-platform-admin[\s\S]*password/),
    });
  });
});

describe('POST /admin/login', () => {
  it('returns a super_admin token for no tenant, with its own audience, and the cookie for /codec only', async () => {
    const res = await login(admin.email, admin.password).expect(200);
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({ sub: admin.id, role: 'super_admin', aud: 'aerostic-platform', iss: 'aerostic' });
    expect(claims.tid).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    expect(new Date(res.body.expiresAt).getTime()).toBe(claims.exp! * 1000);
    expect(String(res.headers['set-cookie'])).toMatch(/aerostic_platform=[^;]+; path=\/codec;.*samesite=strict; httponly/i);
  });

  it('gives one answer for a wrong password, an unknown email and a tenant user', async () => {
    const answers = await Promise.all([
      login(admin.email, 'wrong password 1').expect(401),
      login('nobody@aerostic.test', 'whatever 12345').expect(401),
      login(tenant.registration.email, tenant.registration.password).expect(401),
    ]);
    expect(answers.map((a) => a.body)).toEqual(answers.map(() => ({ error: { code: 'invalid_credentials', message: expect.any(String) } })));
  });

  it('serves a browser sign-in page (Temporal UI can send our cookie, not our token)', async () => {
    const page = await request(app.url).get('/admin/login').expect(200).expect('Content-Type', /html/);
    expect(page.text).toContain('Include cross-origin credentials');
    expect(page.text).toContain(`${app.config.publicUrl}/codec`);
    await request(app.url)
      .get('/admin/login.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
  });
});

describe('tokens never cross between platform and tenants', () => {
  it('a super_admin token is refused on tenant routes', async () => {
    for (const path of ['/me', '/users']) {
      const res = await request(app.url).get(path).set(bearer(admin.accessToken)).expect(401);
      expect(res.body.error.code).toBe('token_invalid');
    }
  });

  it('a tenant admin token is refused on the codec routes, and so is no token', async () => {
    for (const operation of ['encode', 'decode'] as const) {
      expect((await codec(operation).send({ payloads: [] }).expect(401)).body.error.code).toBe('unauthenticated');
      expect((await codec(operation).set(bearer(tenant.accessToken)).send({ payloads: [] }).expect(401)).body.error.code).toBe('token_invalid');
    }
  });

  it('a deleted admin loses access at once', async () => {
    const gone = await signedInPlatformAdmin(app);
    await codec('decode').set(bearer(gone.accessToken)).send({ payloads: [] }).expect(200);
    await app.db.system('platform_admins').where({ id: gone.id }).delete();
    await codec('decode').set(bearer(gone.accessToken)).send({ payloads: [] }).expect(401);
  });
});

describe('the codec server protocol', () => {
  it('encodes with the current key and decodes back; unencrypted payloads pass through', async () => {
    const original = jsonPlain({ text: 'hello', phone: '+919812345678' });
    const encoded: JsonPayload = (
      await codec('encode')
        .set(bearer(admin.accessToken))
        .send({ payloads: [original] })
        .expect(200)
    ).body.payloads[0];
    expect(metadataText(encoded, 'encoding')).toBe('binary/encrypted');
    expect(metadataText(encoded, 'encryption-key-id')).toBe(app.config.encryptionKeys[0].id);
    expect(Buffer.from(encoded.data, 'base64').toString()).not.toContain('9812345678');

    const res = await codec('decode')
      .set(bearer(admin.accessToken))
      .send({ payloads: [encoded, original] })
      .expect(200);
    expect(res.body.payloads.map(dataJson)).toEqual([
      { text: 'hello', phone: '+919812345678' },
      { text: 'hello', phone: '+919812345678' },
    ]);
    expect(res.body.payloads[0]).toEqual(original);
  });

  it('422 for a payload under a key that is not configured; 400 for a body that is not payloads', async () => {
    const foreign = {
      metadata: { encoding: Buffer.from('binary/encrypted').toString('base64'), 'encryption-key-id': Buffer.from('retired').toString('base64') },
      data: randomBytes(40).toString('base64'),
    };
    const refused = await codec('decode')
      .set(bearer(admin.accessToken))
      .send({ payloads: [foreign] })
      .expect(422);
    expect(refused.body.error).toEqual({ code: 'unprocessable', message: 'encryption key "retired" is not configured' });
    await codec('decode')
      .set(bearer(admin.accessToken))
      .send({ payloads: [{ data: 'not base64!' }] })
      .expect(400);
    await codec('decode').set(bearer(admin.accessToken)).send({ something: 'else' }).expect(400);
  });
});

describe('Temporal UI in the browser', () => {
  const preflight = (origin: string) =>
    request(app.url)
      .options('/codec/decode')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace,authorization');

  it("passes the CORS preflight from the UI's origin, with credentials, and from no other", async () => {
    const allowed = await preflight(UI_ORIGIN).expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization.*Content-Type.*X-Namespace/);
    const denied = await preflight('http://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('decodes with the sign-in cookie from the UI origin; the cookie is worth nothing from another origin', async () => {
    const signedIn = await login(admin.email, admin.password).expect(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
    const ok = await codec('decode')
      .set('Origin', UI_ORIGIN)
      .set('Cookie', cookie)
      .send({ payloads: [jsonPlain(1)] })
      .expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    const foreign = await codec('decode')
      .set('Origin', 'http://localhost:5555')
      .set('Cookie', cookie)
      .send({ payloads: [jsonPlain(1)] })
      .expect(401);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a refusal still carries CORS headers, so the UI can show why', async () => {
    const res = await codec('decode').set('Origin', UI_ORIGIN).send({ payloads: [] }).expect(401);
    expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  });
});
