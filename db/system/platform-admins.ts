import type { Knex } from 'knex';
import type { Writable } from '../row-types';

/**
 * Platform (super) admins run Aerostic itself and belong to no tenant ("admin" alone is the workspace
 * role): `platform_admins` sits outside RLS and the app role has no grant on it, so these run on the
 * owner connection.
 */
export interface PlatformAdminRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Date;
  updated_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    platform_admins: Knex.CompositeTableType<PlatformAdminRow, Pick<PlatformAdminRow, 'email' | 'name' | 'password_hash'>, Writable<PlatformAdminRow>>;
  }
}

export interface PlatformAdminCredential {
  id: string;
  passwordHash: string;
}

export async function findPlatformAdminByEmail(system: Knex, email: string): Promise<PlatformAdminCredential | undefined> {
  const row = await system('platform_admins').whereRaw('lower(email) = lower(?)', [email]).first('id', 'password_hash');
  return row && { id: row.id, passwordHash: row.password_hash };
}

export async function platformAdminExists(system: Knex, id: string): Promise<boolean> {
  return Boolean(await system('platform_admins').where({ id }).first('id'));
}

/** Creates the platform admin, or resets the name and password of an existing one with that email. */
export async function upsertPlatformAdmin(system: Knex, admin: { email: string; name: string; passwordHash: string }): Promise<{ id: string; created: boolean }> {
  const { rows } = await system.raw(
    `insert into platform_admins (email, name, password_hash) values (?, ?, ?)
     on conflict (email) do update set name = excluded.name, password_hash = excluded.password_hash, updated_at = now()
     returning id, (xmax = 0) as created`,
    [admin.email.toLowerCase(), admin.name, admin.passwordHash],
  );
  const row = rows[0] as { id: string; created: boolean };
  return { id: row.id, created: row.created };
}
