import type { Knex } from 'knex';
import type { TRole } from '../../domain/auth';
import { toUser, type User } from './users';

/** A page of the team, oldest first, with the cursor position of each member. */
export interface UserPageEntry extends User {
  /** Postgres' own microsecond timestamp text; a JS Date would round it to milliseconds. */
  cursorAt: string;
}

export async function listUsersPage(trx: Knex, page: { after?: { createdAt: string; id: string }; limit: number }): Promise<UserPageEntry[]> {
  const query = trx('users')
    .select('users.*', trx.raw('created_at::text as cursor_at'))
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .limit(page.limit);
  if (page.after) query.whereRaw('(created_at, id) > (?::timestamptz, ?)', [page.after.createdAt, page.after.id]);
  const rows = (await query) as (Parameters<typeof toUser>[0] & { cursor_at: string })[];
  return rows.map((row) => ({ ...toUser(row), cursorAt: row.cursor_at }));
}

/** Active teammates a conversation can be assigned to, by name. */
export async function listAssignableUsers(trx: Knex): Promise<{ id: string; name: string; role: TRole }[]> {
  return trx('users').where({ status: 'active' }).orderBy('name').select('id', 'name', 'role');
}

/** Who is billed: the workspace's oldest active admin, with the plaintext phone only old rows have. */
export async function findBillingAdmin(trx: Knex): Promise<{ name: string; email: string; legacyPhone: string | null } | undefined> {
  const row = await trx('users').where({ role: 'admin', status: 'active' }).orderBy('created_at').first('name', 'email', 'phone');
  return row && { name: row.name, email: row.email, legacyPhone: row.phone };
}

export interface AdminPhone {
  userId: string;
  /** Sealed since phones were sealed; `legacy` holds the plaintext of rows written before. */
  sealed: { ciphertext: string; keyId: string } | null;
  legacy: string | null;
}

/** The active admins that have a phone to notify. */
export async function listActiveAdminPhones(trx: Knex): Promise<AdminPhone[]> {
  const rows = await trx('users')
    .where({ role: 'admin', status: 'active' })
    .where((q) => q.whereNotNull('phone_ciphertext').orWhereNotNull('phone'))
    .select('id', 'phone', 'phone_ciphertext', 'phone_key_id');
  return rows.map((row) => ({
    userId: row.id,
    sealed: row.phone_ciphertext && row.phone_key_id ? { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id } : null,
    legacy: row.phone,
  }));
}
