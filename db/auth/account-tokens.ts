import type { Knex } from 'knex';
import type { Writable } from '../row-types';

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

/** A single-use link mailed to a user (email verification, password reset); only the hash is kept. */
export interface AccountTokenRow {
  id: string;
  tenant_id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

type AccountTokenInsert = Pick<AccountTokenRow, 'tenant_id' | 'user_id' | 'purpose' | 'token_hash' | 'expires_at'>;

declare module 'knex/types/tables' {
  interface Tables {
    account_tokens: Knex.CompositeTableType<AccountTokenRow, AccountTokenInsert, Writable<AccountTokenRow>>;
  }
}

export interface AccountToken {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Stores a new token of this purpose; any earlier unused one stops working. */
export async function replaceAccountToken(trx: Knex, token: { tenantId: string; userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date }): Promise<void> {
  await trx('account_tokens').where({ user_id: token.userId, purpose: token.purpose }).whereNull('used_at').update({ used_at: trx.fn.now() });
  await trx('account_tokens').insert({
    tenant_id: token.tenantId,
    user_id: token.userId,
    purpose: token.purpose,
    token_hash: token.tokenHash,
    expires_at: token.expiresAt,
  });
}

/** The token, locked until the transaction ends, so two clicks on one link cannot both use it. */
export async function findAccountTokenForUpdate(trx: Knex, tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountToken | undefined> {
  const row = await trx('account_tokens').where({ token_hash: tokenHash, purpose }).forUpdate().first('id', 'user_id', 'expires_at', 'used_at');
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

export async function markAccountTokenUsed(trx: Knex, id: string): Promise<void> {
  await trx('account_tokens').where({ id }).update({ used_at: trx.fn.now() });
}
