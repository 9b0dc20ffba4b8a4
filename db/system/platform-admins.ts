import type { Knex } from 'knex';

/**
 * Platform (super) admins belong to no tenant: the `admins` table sits outside RLS and the app role
 * has no grant on it, so these run on the owner connection.
 */
export interface PlatformAdminCredential {
  id: string;
  passwordHash: string;
}

export async function findPlatformAdminByEmail(system: Knex, email: string): Promise<PlatformAdminCredential | undefined> {
  const row = await system('admins').whereRaw('lower(email) = lower(?)', [email]).first('id', 'password_hash');
  return row && { id: row.id, passwordHash: row.password_hash };
}

export async function platformAdminExists(system: Knex, id: string): Promise<boolean> {
  return Boolean(await system('admins').where({ id }).first('id'));
}

/** Creates the admin, or resets the name and password of an existing one with that email. */
export async function upsertPlatformAdmin(
  system: Knex,
  admin: { email: string; name: string; passwordHash: string },
): Promise<{ id: string; created: boolean }> {
  const { rows } = await system.raw(
    `insert into admins (email, name, password_hash) values (?, ?, ?)
     on conflict (email) do update set name = excluded.name, password_hash = excluded.password_hash, updated_at = now()
     returning id, (xmax = 0) as created`,
    [admin.email.toLowerCase(), admin.name, admin.passwordHash],
  );
  const row = rows[0] as { id: string; created: boolean };
  return { id: row.id, created: row.created };
}
