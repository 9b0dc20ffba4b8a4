import type { Knex } from 'knex';
import type { AccountTokenPurpose } from '../auth/account-tokens';

/** A mailed link is opened before anyone is signed in: its tenant is found here, by the token's hash. */
export async function findAccountTokenTenant(system: Knex, tokenHash: string, purpose: AccountTokenPurpose): Promise<string | undefined> {
  const row = await system('account_tokens').where({ token_hash: tokenHash, purpose }).first('tenant_id');
  return row?.tenant_id;
}

/** Password reset starts from an email alone: the active account holding it, if any. */
export async function findActiveAccountByEmail(system: Knex, email: string): Promise<{ userId: string; tenantId: string; email: string } | undefined> {
  const row = await system('users').whereRaw('lower(email) = lower(?)', [email]).where({ status: 'active' }).first('id', 'tenant_id', 'email');
  return row && { userId: row.id, tenantId: row.tenant_id, email: row.email };
}
