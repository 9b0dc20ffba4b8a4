import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import type { Database } from '../../db/connection';
import { findAccountTokenTenant, type AccountTokenPurpose } from '../../db/system/account-tokens';
import { withTenant } from '../../db/tenant-transaction';
import { randomToken, sha256 } from './secrets';

/** Issues a single-use link token for a user; any earlier unused one of the same purpose stops working. */
export async function issueAccountToken(trx: Knex, owner: { tenantId: string; userId: string }, purpose: AccountTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomToken();
  await trx('account_tokens').where({ user_id: owner.userId, purpose }).whereNull('used_at').update({ used_at: trx.fn.now() });
  await trx('account_tokens').insert({
    tenant_id: owner.tenantId,
    user_id: owner.userId,
    purpose,
    token_hash: sha256(token),
    expires_at: new Date(Date.now() + ttlMs),
  });
  return token;
}

/**
 * Runs `work` for the token's user and uses the token up, in one transaction: a link works once, and
 * nothing is done (not even hashing a new password) before the token is known to be good.
 */
export async function withAccountToken<T>(db: Database, token: string, purpose: AccountTokenPurpose, work: (trx: Knex.Transaction, owner: { tenantId: string; userId: string }) => Promise<T>): Promise<T> {
  const tokenHash = sha256(token);
  const tenantId = await findAccountTokenTenant(db.system, tokenHash, purpose);
  if (!tenantId) throw invalidLink();
  return withTenant(db.app, tenantId, async (trx) => {
    const row = await trx('account_tokens').where({ token_hash: tokenHash, purpose }).forUpdate().first('id', 'user_id', 'expires_at', 'used_at');
    if (!row || row.used_at || (row.expires_at as Date).getTime() <= Date.now()) throw invalidLink();
    const result = await work(trx, { tenantId, userId: row.user_id });
    await trx('account_tokens').where({ id: row.id }).update({ used_at: trx.fn.now() });
    return result;
  });
}

function invalidLink(): AppError {
  return new AppError('link_invalid', 'This link is not valid, was already used, or has expired; ask for a new one');
}
