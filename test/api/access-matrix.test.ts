import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { inviteMember } from '../inbox/team-member';
import { signedInPlatformAdmin } from '../codec/helpers';
import { call, concretePath, credentialAccepted, documentedOperations, tenantIds, type Caller, type DocumentedOperation } from './access-matrix';

/**
 * Issue 9 item 10: every operation of /openapi.json, called by every kind of caller, answers what its
 * declared access (`x-aerostic-access`) says — so a route is covered the day it is added. Path ids
 * belong to the first workspace; another workspace's admin must find nothing there and change nothing.
 */
let app: TestApp;
let first: RegisteredTenant;
let operations: DocumentedOperation[];
let ids: Map<string, string>;
const tokens = {} as Record<Caller, string | undefined>;

beforeAll(async () => {
  app = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  first = await registerTenant(app.url);
  const other = await registerTenant(app.url);
  const agent = await inviteMember(app.url, first);
  const platform = await signedInPlatformAdmin(app);
  // Resources of the first workspace for the path parameters.
  const auth = bearer(first.accessToken);
  await request(app.url).post('/labels').set(auth).send({ name: 'VIP', color: '#aa3300' }).expect(201);
  await request(app.url).post('/canned-responses').set(auth).send({ shortcut: 'hello', body: 'Hello there' }).expect(201);
  await request(app.url).post('/ai/knowledge').set(auth).send({ title: 'Returns', format: 'text', content: 'Returns are free within 30 days.' }).expect(201);
  Object.assign(tokens, {
    anonymous: undefined,
    expired: await expiredToken(first),
    platformAdmin: platform.accessToken,
    otherTenantAdmin: other.accessToken,
    agent: agent.accessToken,
    admin: first.accessToken,
  });
  operations = await documentedOperations(app.url);
  ids = await tenantIds(app.url, first.accessToken, operations);
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** A token of the first workspace's admin, correctly signed, that expired a minute ago. */
async function expiredToken(tenant: RegisteredTenant): Promise<string> {
  const { jwt } = app.config;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid: tenant.tenant.id, role: 'admin' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(tenant.user.id)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt(now - 3600)
    .setExpirationTime(now - 60)
    .sign(jwt.secret);
}

/** Everything the first workspace's admin can list, to prove outsiders changed nothing. */
async function firstTenantSnapshot(): Promise<Record<string, unknown>> {
  const lists = operations.filter((op) => op.method === 'get' && op.pathParams.length === 0 && (op.access === 'user' || op.access === 'admin'));
  const snapshot: Record<string, unknown> = {};
  for (const op of lists) snapshot[op.template] = (await request(app.url).get(op.template).set(bearer(first.accessToken))).body;
  return snapshot;
}

/** Every caller on every operation; returns the answers that contradict the declared access. */
async function sweep(callers: Caller[]): Promise<string[]> {
  const wrong: string[] = [];
  const unknownId = randomUUID();
  for (const op of operations) {
    const path = concretePath(op, ids, unknownId);
    const targetsFirstTenant = op.pathParams.length > 0 && !path.includes(unknownId);
    for (const caller of callers) {
      const { status, code } = await call(app.url, op, path, tokens[caller]);
      const accepted = credentialAccepted(op.access, caller);
      const label = `${caller} ${op.method.toUpperCase()} ${path} (${op.access}) → ${status} ${code ?? ''}`.trim();
      if (status >= 500) wrong.push(label);
      else if (accepted === false && status !== 401) wrong.push(label);
      else if (accepted === 'forbidden' && (status !== 403 || code !== 'forbidden')) wrong.push(label);
      else if (accepted === true && op.access !== 'public' && (status === 401 || code === 'forbidden')) wrong.push(label);
      else if (accepted === true && caller === 'otherTenantAdmin' && targetsFirstTenant && status !== 404 && status !== 400) wrong.push(label);
    }
  }
  return wrong;
}

describe('access matrix from /openapi.json', () => {
  it('declares the access of every operation, and covers routes of every kind', () => {
    const kinds = new Set(operations.map((op) => op.access));
    expect([...kinds].sort()).toEqual(['admin', 'platform', 'public', 'user']);
    // Cross-tenant ids are really exercised, not only random ones.
    expect(ids.size).toBeGreaterThanOrEqual(3);
  });

  it('refuses outsiders (no credential, expired, platform admin, another workspace) and they change nothing', async () => {
    // Answers that differ between two reads in a row (a freshly signed connect URL) prove nothing either way.
    const [before, again] = [await firstTenantSnapshot(), await firstTenantSnapshot()];
    for (const key of Object.keys(before)) if (JSON.stringify(before[key]) !== JSON.stringify(again[key])) delete before[key];
    expect(Object.keys(before).length).toBeGreaterThan(5);
    expect(await sweep(['anonymous', 'expired', 'platformAdmin', 'otherTenantAdmin'])).toEqual([]);
    const after = await firstTenantSnapshot();
    for (const key of Object.keys(before)) expect([key, after[key]]).toEqual([key, before[key]]);
  }, 300_000);

  it('lets the workspace agent reach user routes but not admin ones, and the admin reach both', async () => {
    expect(await sweep(['agent', 'admin'])).toEqual([]);
  }, 300_000);
});
