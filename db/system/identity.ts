import type { Knex } from 'knex';

/** Sign-up and login happen before a tenant is known: these look a credential up across tenants. */

export async function workspaceSlugInUse(system: Knex, slug: string): Promise<boolean> {
  const row = await system('tenants').where({ slug }).first('id');
  return Boolean(row);
}

export interface LoginCandidate {
  userId: string;
  tenantId: string;
  passwordHash: string | null;
  status: 'active' | 'invited' | 'deactivated';
}

export async function findLoginCandidate(system: Knex, email: string): Promise<LoginCandidate | undefined> {
  // One account per address, but invitations to it may wait in other workspaces: the account wins.
  const row = await system('users').whereRaw('lower(email) = lower(?)', [email]).orderByRaw("status = 'invited'").first('id', 'tenant_id', 'password_hash', 'status');
  return row && { userId: row.id, tenantId: row.tenant_id, passwordHash: row.password_hash, status: row.status };
}

/** A refresh cookie carries only the token id and secret; its tenant is found here. */
export async function findRefreshTokenTenant(system: Knex, tokenId: string): Promise<string | undefined> {
  const row = await system('refresh_tokens').where({ id: tokenId }).first('tenant_id');
  return row?.tenant_id;
}

export async function findInvitation(system: Knex, tokenHash: string): Promise<{ userId: string; tenantId: string } | undefined> {
  const row = await system('users').where({ invite_token_hash: tokenHash, status: 'invited' }).where('invite_expires_at', '>', system.fn.now()).first('id', 'tenant_id');
  return row && { userId: row.id, tenantId: row.tenant_id };
}
