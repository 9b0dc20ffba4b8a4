import { randomUUID } from 'node:crypto';
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

/** The OAuth `state`: who started the connect, signed (HS256), valid 10 minutes. */
export async function signConnectState(jwt: AppConfig['jwt'], who: { tenantId: string; userId: string }, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ tid: who.tenantId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(who.userId)
    .setJti(randomUUID())
    .setIssuer(jwt.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(jwt.secret);
}

/** The state's claims, or undefined when it is forged, altered, expired or malformed. */
export async function verifyConnectState(jwt: AppConfig['jwt'], state: string): Promise<ConnectState | undefined> {
  try {
    const { payload } = await jwtVerify(state, jwt.secret, { algorithms: ['HS256'], issuer: jwt.issuer, audience: AUDIENCE });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof payload.tid !== 'string' || !uuid.test(payload.tid) || !payload.sub || !payload.jti || !uuid.test(payload.jti)) return undefined;
    return { tenantId: payload.tid, userId: payload.sub, nonce: payload.jti };
  } catch {
    return undefined;
  }
}
