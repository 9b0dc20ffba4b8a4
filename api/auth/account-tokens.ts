import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import type { Database } from '../../db/connection';
import { findAccountTokenForUpdate, markAccountTokenUsed, replaceAccountToken, type AccountTokenPurpose } from '../../db/auth/account-tokens';
import { findAccountTokenTenant } from '../../db/system/account-tokens';
import { withTenant } from '../../db/tenant-transaction';
import { randomToken, sha256 } from './secrets';

/** Issues a single-use link token for a user; any earlier unused one of the same purpose stops working. */
export async function issueAccountToken(trx: Knex, owner: { tenantId: string; userId: string }, purpose: AccountTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomToken();
  await replaceAccountToken(trx, { tenantId: owner.tenantId, userId: owner.userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/**
 * Runs `work` for the token's user and uses the token up, in one transaction: a link works once, and
 * nothing is done (not even hashing a new password) before the token is known to be good.
 */
export async function withAccountToken<T>(
  db: Database,
  token: string,
  purpose: AccountTokenPurpose,
  work: (trx: Knex.Transaction, owner: { tenantId: string; userId: string }) => Promise<T>,
): Promise<T> {
  const tokenHash = sha256(token);
  const tenantId = await findAccountTokenTenant(db.system, tokenHash, purpose);
  if (!tenantId) throw invalidLink();
  return withTenant(db.app, tenantId, async (trx) => {
    const found = await findAccountTokenForUpdate(trx, tokenHash, purpose);
    if (!found || found.usedAt || found.expiresAt.getTime() <= Date.now()) throw invalidLink();
    const result = await work(trx, { tenantId, userId: found.userId });
    await markAccountTokenUsed(trx, found.id);
    return result;
  });
}

function invalidLink(): AppError {
  return new AppError('link_invalid', 'This link is not valid, was already used, or has expired; ask for a new one');
}
