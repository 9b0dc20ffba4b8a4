import { SignJWT } from 'jose';
import { signAccessToken } from '../../api/auth/access-tokens';
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { inviteMember } from '../inbox/team-member';
import { startTestApp, type TestApp } from '../support/harness';
import { disconnection, openSocket, ready, refusal, type TestSocket } from './socket-client';

let app: TestApp;
let a: RegisteredTenant;
let b: RegisteredTenant;
const clients: TestSocket[] = [];
const open = (...args: Parameters<typeof openSocket>) => {
  const client = openSocket(...args);
  clients.push(client);
  return client;
};
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await app?.stop();
});

const principalOf = (t: RegisteredTenant) => ({ userId: t.user.id, tenantId: t.tenant.id, role: t.user.role });

describe('socket authentication', () => {
  it('accepts the access token as auth.token or as an Authorization header', async () => {
    expect(await ready(open(app.url, { token: a.accessToken }))).toEqual({ seq: expect.any(Number) });
    expect(await ready(open(app.url, {}, { headers: { Authorization: `Bearer ${a.accessToken}` } }))).toEqual({ seq: expect.any(Number) });
  });

  it.each([
    ['missing', () => ({}), 'unauthenticated'],
    ['not a JWT', () => ({ token: 'not-a-jwt' }), 'token_invalid'],
    ['tampered (another tenant in the claims, same signature)', () => ({ token: withClaims(a.accessToken, { tid: b.tenant.id }) }), 'token_invalid'],
    [
      'signed with another key',
      async () => ({ token: await signAccessToken({ ...app.config.jwt, secret: new TextEncoder().encode('x'.repeat(48)) }, principalOf(a)) }),
      'token_invalid',
    ],
    ['alg none', () => ({ token: unsigned(a.accessToken) }), 'token_invalid'],
    ['expired', async () => ({ token: await expired(a) }), 'token_expired'],
  ] as const)('refuses a %s token', async (_case, auth, code) => {
    const refused = await refusal(open(app.url, await auth()));
    expect(refused).toEqual({ code, message: expect.any(String) });
  });

  it('refuses a deactivated user', async () => {
    const c = await registerTenant(app.url);
    await app.db.system('users').where({ id: c.user.id }).update({ status: 'deactivated' });
    expect(await refusal(open(app.url, { token: c.accessToken }))).toMatchObject({ code: 'account_deactivated' });
  });

  it('refuses a malformed cursor', async () => {
    expect(await refusal(open(app.url, { token: a.accessToken, lastSeq: 'yesterday' }))).toMatchObject({ code: 'validation_failed' });
  });

  it('a client cannot ask to join any room', async () => {
    const client = open(app.url, { token: a.accessToken });
    await ready(client);
    const answer = await client.socket.timeout(10_000).emitWithAck('join', `tenant:${b.tenant.id}`);
    expect(answer).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    const rooms = [...(app.realtime.io.sockets.sockets.get(client.socket.id!)?.rooms ?? [])];
    expect(rooms.sort()).toEqual([client.socket.id, `tenant:${a.tenant.id}`, `user:${a.user.id}`].sort());
  });

  it('closes the socket with a clear reason when the token expires, and refuses the same token after', async () => {
    const token = await signAccessToken({ ...app.config.jwt, accessTtlSeconds: 2 }, principalOf(a));
    const client = open(app.url, { token });
    const closed = disconnection(client);
    const expiredNotice = new Promise((resolve) => client.socket.once('realtime.expired', resolve));
    await ready(client);
    expect(await expiredNotice).toEqual({ code: 'token_expired', message: expect.any(String) });
    expect(await closed).toBe('io server disconnect');
    expect(await refusal(open(app.url, { token }))).toMatchObject({ code: 'token_expired' });
  });
});

function withClaims(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join('.');
}

function unsigned(token: string): string {
  const [, payload] = token.split('.');
  return [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), payload, ''].join('.');
}

function expired(t: RegisteredTenant): Promise<string> {
  const { jwt } = app.config;
  return new SignJWT({ tid: t.tenant.id, role: t.user.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(t.user.id)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(jwt.secret);
}

describe('deactivation', () => {
  it("closes the deactivated user's open sockets at once, and only theirs", async () => {
    const agent = await inviteMember(app.url, a);
    const agentSocket = open(app.url, { token: agent.accessToken });
    const adminSocket = open(app.url, { token: a.accessToken });
    await Promise.all([ready(agentSocket), ready(adminSocket)]);
    const closed = disconnection(agentSocket);
    await request(app.url).patch(`/users/${agent.user.id}`).set(bearer(a.accessToken)).send({ status: 'deactivated' }).expect(200);
    expect(await closed).toBe('io server disconnect');
    await new Promise((r) => setTimeout(r, 300));
    expect(adminSocket.socket.connected).toBe(true);
  });
});
