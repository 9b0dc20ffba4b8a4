import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import type { Database } from '../../db/connection';
import { findRefreshToken, insertRefreshToken, markRefreshTokenRotated, revokeRefreshTokensOfFamily } from '../../db/auth/refresh-tokens';
import { findRefreshTokenTenant } from '../../db/system/identity';
import { withTenant } from '../../db/tenant-transaction';
import { recordAuthEvent } from './auth-audit';
import { randomToken, safeEqualHex, sha256 } from './secrets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issues a refresh token; the value is `id.secret`. Without `family` it starts a session (sign-in)
 * that ends `ttlDays` from now; a rotation passes its family, whose end every later token inherits,
 * so rotating never extends a session past that absolute lifetime.
 */
export async function issueRefreshToken(trx: Knex, owner: { tenantId: string; userId: string; family?: { id: string; expiresAt: Date } }, ttlDays: number): Promise<string> {
  const id = randomUUID();
  const secret = randomToken();
  await insertRefreshToken(trx, {
    id,
    tenantId: owner.tenantId,
    userId: owner.userId,
    familyId: owner.family?.id ?? randomUUID(),
    tokenHash: sha256(secret),
    expiresAt: owner.family?.expiresAt ?? new Date(Date.now() + ttlDays * 86_400_000),
  });
  return `${id}.${secret}`;
}

export interface RotatedToken {
  tenantId: string;
  userId: string;
  refreshToken: string;
}

type Rotation = { ok: true; value: RotatedToken } | { ok: false; error: AppError };

/**
 * Exchanges a refresh token for a new one in the same family. Presenting a token that was already
 * rotated means it leaked: the whole family is revoked (committed) and the request refused.
 */
export async function rotateRefreshToken(db: Database, presented: string, ttlDays: number, ip: string): Promise<RotatedToken> {
  const found = await locate(db, presented);
  const outcome = await withTenant(db.app, found.tenantId, async (trx): Promise<Rotation> => {
    const row = await findRefreshToken(trx, found.id, { forUpdate: true });
    if (!row || !safeEqualHex(sha256(found.secret), row.tokenHash)) return { ok: false, error: invalid() };
    if (row.rotatedAt || (row.revokedAt && row.revokedReason === 'reuse')) {
      await revokeRefreshTokensOfFamily(trx, row.familyId, 'reuse');
      await recordAuthEvent(trx, { tenantId: row.tenantId, userId: row.userId, action: 'auth.refresh_reused', ip, metadata: { familyId: row.familyId } });
      return { ok: false, error: new AppError('refresh_token_reused', 'This session was ended for your safety; sign in again') };
    }
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return { ok: false, error: invalid() };
    const refreshToken = await issueRefreshToken(trx, { tenantId: row.tenantId, userId: row.userId, family: { id: row.familyId, expiresAt: row.expiresAt } }, ttlDays);
    await markRefreshTokenRotated(trx, row.id, refreshToken.split('.')[0]);
    return { ok: true, value: { tenantId: row.tenantId, userId: row.userId, refreshToken } };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Logout: ends the presented token's whole family. Unknown tokens are ignored (logout always succeeds). */
export async function revokeRefreshTokenFamily(db: Database, presented: string): Promise<void> {
  const parsed = parse(presented);
  if (!parsed) return;
  const tenantId = await findRefreshTokenTenant(db.system, parsed.id);
  if (!tenantId) return;
  await withTenant(db.app, tenantId, async (trx) => {
    const row = await findRefreshToken(trx, parsed.id);
    if (row && safeEqualHex(sha256(parsed.secret), row.tokenHash)) await revokeRefreshTokensOfFamily(trx, row.familyId, 'logout');
  });
}

async function locate(db: Database, presented: string): Promise<{ id: string; secret: string; tenantId: string }> {
  const parsed = parse(presented);
  if (!parsed) throw invalid();
  const tenantId = await findRefreshTokenTenant(db.system, parsed.id);
  if (!tenantId) throw invalid();
  return { ...parsed, tenantId };
}

function parse(presented: string): { id: string; secret: string } | undefined {
  const [id, secret, extra] = presented.split('.');
  if (extra !== undefined || !id || !secret || !UUID.test(id)) return undefined;
  return { id, secret };
}

function invalid(): AppError {
  return new AppError('refresh_token_invalid', 'Your session has ended; sign in again');
}
