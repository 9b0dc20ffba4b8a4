import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../../config';

/** Its own audience: an access token is never accepted as a state, nor a state as an access token. */
const AUDIENCE = 'aerostic-meta-connect';
const TTL_SECONDS = 10 * 60;

export interface ConnectState {
  tenantId: string;
  userId: string;
  /** Names the connect workflow, whose id can never be reused: that makes the state single-use. */
  nonce: string;
}

/**
 * The OAuth `state`: who started the connect, signed (HS256), valid 10 minutes, and bound to the
 * browser that started it by the hash of a secret only that browser holds (the connect cookie).
 */
export async function signConnectState(jwt: AppConfig['jwt'], who: { tenantId: string; userId: string; browser: string }, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ tid: who.tenantId, bnd: browserHash(who.browser) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(who.userId)
    .setJti(randomUUID())
    .setIssuer(jwt.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(jwt.secret);
}

/**
 * The state's claims, or undefined when it is forged, altered, expired, malformed, or presented by a
 * browser other than the one that started the connect (`browser`: its connect cookie, if any).
 */
export async function verifyConnectState(jwt: AppConfig['jwt'], state: string, browser: string | undefined): Promise<ConnectState | undefined> {
  try {
    const { payload } = await jwtVerify(state, jwt.secret, { algorithms: ['HS256'], issuer: jwt.issuer, audience: AUDIENCE });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof payload.tid !== 'string' || !uuid.test(payload.tid) || !payload.sub || !payload.jti || !uuid.test(payload.jti)) return undefined;
    if (!browser || typeof payload.bnd !== 'string' || !sameHash(payload.bnd, browserHash(browser))) return undefined;
    return { tenantId: payload.tid, userId: payload.sub, nonce: payload.jti };
  } catch {
    return undefined;
  }
}

function browserHash(browser: string): string {
  return createHash('sha256').update(browser).digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
