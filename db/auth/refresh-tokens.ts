import type { Knex } from 'knex';
import type { Writable } from '../row-types';

/** The row as Postgres stores it; only the SHA-256 of the token's secret is kept. */
export interface RefreshTokenRow {
  id: string;
  tenant_id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Date;
  rotated_at: Date | null;
  replaced_by: string | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
  created_at: Date;
}

type RefreshTokenInsert = Pick<RefreshTokenRow, 'id' | 'tenant_id' | 'user_id' | 'family_id' | 'token_hash' | 'expires_at'>;

declare module 'knex/types/tables' {
  interface Tables {
    refresh_tokens: Knex.CompositeTableType<RefreshTokenRow, RefreshTokenInsert, Writable<RefreshTokenRow>>;
  }
}

export interface RefreshToken {
  id: string;
  tenantId: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

const toRefreshToken = (row: RefreshTokenRow): RefreshToken => ({
  id: row.id,
  tenantId: row.tenant_id,
  userId: row.user_id,
  familyId: row.family_id,
  tokenHash: row.token_hash,
  expiresAt: row.expires_at,
  rotatedAt: row.rotated_at,
  revokedAt: row.revoked_at,
  revokedReason: row.revoked_reason,
});

export async function insertRefreshToken(trx: Knex, token: { id: string; tenantId: string; userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await trx('refresh_tokens').insert({
    id: token.id,
    tenant_id: token.tenantId,
    user_id: token.userId,
    family_id: token.familyId,
    token_hash: token.tokenHash,
    expires_at: token.expiresAt,
  });
}

export async function findRefreshToken(trx: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<RefreshToken | undefined> {
  const query = trx('refresh_tokens').where({ id });
  if (options.forUpdate) query.forUpdate();
  const row = await query.first();
  return row && toRefreshToken(row);
}

export async function markRefreshTokenRotated(trx: Knex, id: string, replacedBy: string): Promise<void> {
  await trx('refresh_tokens').where({ id }).update({ rotated_at: new Date(), replaced_by: replacedBy });
}

export async function revokeRefreshTokensOfFamily(trx: Knex, familyId: string, reason: string): Promise<void> {
  await trx('refresh_tokens').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: new Date(), revoked_reason: reason });
}

export async function revokeUserRefreshTokens(trx: Knex, userId: string, reason: string): Promise<void> {
  await trx('refresh_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: new Date(), revoked_reason: reason });
}
