import type { Knex } from 'knex';
import type { Writable } from '../row-types';
import type { TRole } from '../../domain/auth';

export type UserStatus = 'active' | 'invited' | 'deactivated';

/** The row as Postgres stores it. */
export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  /** Written before phones were sealed; new rows keep the phone only in `phone_ciphertext`. */
  phone: string | null;
  phone_ciphertext: string | null;
  phone_key_id: string | null;
  email_verified_at: Date | null;
  role: TRole;
  status: UserStatus;
  password_hash: string | null;
  invite_token_hash: string | null;
  invite_expires_at: Date | null;
  invited_by: string | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

type UserInsert = Pick<UserRow, 'tenant_id' | 'email' | 'name' | 'role'> & Partial<Omit<UserRow, 'tenant_id' | 'email' | 'name' | 'role'>>;
/** Columns may be set to a SQL expression (`now()`). */
type UserUpdate = Writable<UserRow>;

declare module 'knex/types/tables' {
  interface Tables {
    users: Knex.CompositeTableType<UserRow, UserInsert, UserUpdate>;
  }
}

/** A user as the code sees it; the password and invite hashes never leave db/. */
export interface User {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: TRole;
  status: UserStatus;
  emailVerifiedAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  tenantId: row.tenant_id,
  email: row.email,
  name: row.name,
  role: row.role,
  status: row.status,
  emailVerifiedAt: row.email_verified_at,
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findUser(trx: Knex, id: string): Promise<User | undefined> {
  const row = await trx('users').where({ id }).first();
  return row && toUser(row);
}

/** An invitation as its invitee may see it (who invited them, for which role). */
export async function findInvitationView(trx: Knex, id: string): Promise<{ email: string; role: TRole; invitedBy: string | null } | undefined> {
  const row = await trx('users').where({ id, status: 'invited' }).first('email', 'role', 'invited_by');
  return row && { email: row.email, role: row.role, invitedBy: row.invited_by };
}

/** The user, locked until the transaction ends: a role change reads and writes under one lock. */
export async function findUserForUpdate(trx: Knex, id: string): Promise<User | undefined> {
  const row = await trx('users').where({ id }).forUpdate().first();
  return row && toUser(row);
}

export async function activeUserExists(trx: Knex, id: string): Promise<boolean> {
  return Boolean(await trx('users').where({ id, status: 'active' }).first('id'));
}

/** The workspace's first admin and its sign-up phone (sealed, or plaintext from before sealing). */
export async function insertFirstAdmin(
  trx: Knex,
  admin: { tenantId: string; email: string; name: string; phone: { ciphertext: string; keyId: string }; passwordHash: string; signedInAt: Date },
): Promise<User> {
  const [row] = await trx('users')
    .insert({
      tenant_id: admin.tenantId,
      email: admin.email,
      name: admin.name,
      phone_ciphertext: admin.phone.ciphertext,
      phone_key_id: admin.phone.keyId,
      role: 'admin',
      status: 'active',
      password_hash: admin.passwordHash,
      last_login_at: admin.signedInAt,
    })
    .returning('*');
  return toUser(row);
}

/** An invited member: no password until the invitation (of which only the hash is kept) is accepted. */
export async function insertInvitedUser(
  trx: Knex,
  invite: { tenantId: string; email: string; name: string; role: TRole; inviteTokenHash: string; inviteExpiresAt: Date; invitedBy: string },
): Promise<User> {
  const [row] = await trx('users')
    .insert({
      tenant_id: invite.tenantId,
      email: invite.email,
      name: invite.name,
      role: invite.role,
      status: 'invited',
      invite_token_hash: invite.inviteTokenHash,
      invite_expires_at: invite.inviteExpiresAt,
      invited_by: invite.invitedBy,
    })
    .returning('*');
  return toUser(row);
}

/** The invitation is used up and the member signed in; fails with `users_email_unique` when the address got an account elsewhere. */
export async function activateInvitedUser(trx: Knex, id: string, passwordHash: string): Promise<User | undefined> {
  const [row] = await trx('users')
    .where({ id })
    .update({ password_hash: passwordHash, status: 'active', invite_token_hash: null, invite_expires_at: null, last_login_at: new Date() })
    .returning('*');
  return row && toUser(row);
}

export async function recordUserLogin(trx: Knex, id: string): Promise<User | undefined> {
  const [row] = await trx('users').where({ id }).update({ last_login_at: new Date() }).returning('*');
  return row && toUser(row);
}

export async function updateUserAccess(trx: Knex, id: string, change: { role?: TRole; status?: UserStatus }): Promise<User | undefined> {
  const [row] = await trx('users')
    .where({ id })
    .update({ ...(change.role ? { role: change.role } : {}), ...(change.status ? { status: change.status } : {}), updated_at: new Date() })
    .returning('*');
  return row && toUser(row);
}

export async function countActiveAdmins(trx: Knex): Promise<number> {
  const [row] = await trx('users').where({ role: 'admin', status: 'active' }).count({ n: '*' });
  return Number(row.n);
}

export async function setUserPassword(trx: Knex, id: string, passwordHash: string): Promise<void> {
  await trx('users').where({ id }).update({ password_hash: passwordHash, updated_at: trx.fn.now() });
}

/** Marks the address proven, once: a later proof keeps the first time. */
export async function markEmailVerified(trx: Knex, id: string): Promise<void> {
  await trx('users').where({ id }).whereNull('email_verified_at').update({ email_verified_at: trx.fn.now(), updated_at: trx.fn.now() });
}
