import type { IncomingHttpHeaders } from 'node:http';
import { decodeJwt } from 'jose';
import { AppError } from '../../domain/errors';
import { tenantAccess } from '../../domain/trial';
import { withTenant } from '../../db/tenant-transaction';
import { findTenant } from '../../db/tenants/tenants';
import { findUser } from '../../db/users/users';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { verifyAccessToken } from '../auth/access-tokens';
import type { AuthPrincipal } from '../auth/principal';

export interface Handshake {
  auth: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface SocketSession extends AuthPrincipal {
  /** When the access token expires (ms since epoch): the socket is closed then. */
  expiresAt: number;
  /** The client's cursor: replay everything of its tenant after this seq before going live. */
  lastSeq?: number;
}

/**
 * The same checks as an HTTP request (DESIGN §2: sockets authenticate with the same JWT): a valid
 * token, an active user, a tenant with access. Rooms are chosen from the token alone.
 */
export async function authenticateHandshake(config: AppConfig, db: Database, handshake: Handshake): Promise<SocketSession> {
  const token = tokenOf(handshake);
  if (!token) throw new AppError('unauthenticated', 'Sign in first: connect with auth: { token } or Authorization: Bearer <token>');
  const principal = await verifyAccessToken(config.jwt, token);
  const found = await withTenant(db.app, principal.tenantId, async (trx) => ({
    user: await findUser(trx, principal.userId),
    tenant: await findTenant(trx, principal.tenantId),
  }));
  if (!found.user || !found.tenant) throw new AppError('token_invalid', 'The access token is not valid');
  if (found.user.status !== 'active') throw new AppError('account_deactivated', 'This account is not active; ask your workspace admin');
  if (tenantAccess(found.tenant, new Date()).blocked) {
    throw new AppError('subscription_required', 'Your trial has ended; choose a plan under Billing to continue');
  }
  const exp = decodeJwt(token).exp;
  return {
    userId: found.user.id,
    tenantId: found.tenant.id,
    role: found.user.role,
    expiresAt: (exp ?? 0) * 1000,
    lastSeq: parseCursor(handshake.auth.lastSeq),
  };
}

function tokenOf({ auth, headers }: Handshake): string | undefined {
  if (typeof auth.token === 'string' && auth.token) return auth.token.replace(/^Bearer\s+/i, '');
  return /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
}

/** A seq from the client: absent, or a non-negative integer (number or digits); anything else is refused. */
export function parseCursor(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new AppError('validation_failed', 'lastSeq must be a non-negative integer');
  }
  return n;
}
