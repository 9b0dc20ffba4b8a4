import type { Knex } from 'knex';
import type { Writable } from '../row-types';

/** The row as Postgres stores it. `tenants` is its own RLS subject: the policy compares `id`. */
export interface TenantRow {
  id: string;
  name: string;
  slug: string;
  status: 'active' | 'suspended';
  trial_started_at: Date;
  trial_ends_at: Date;
  trial_active: boolean;
  trial_converted_at: Date | null;
  trial_expired_at: Date | null;
  subscription_status: string | null;
  created_at: Date;
  updated_at: Date;
}

type TenantInsert = Pick<TenantRow, 'name' | 'slug' | 'trial_started_at' | 'trial_ends_at'> & Partial<Pick<TenantRow, 'id' | 'status' | 'trial_active' | 'subscription_status'>>;
/** Columns may be set to a SQL expression (`now()`). */
type TenantUpdate = Writable<TenantRow>;

declare module 'knex/types/tables' {
  interface Tables {
    tenants: Knex.CompositeTableType<TenantRow, TenantInsert, TenantUpdate>;
  }
}

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  status: 'active' | 'suspended';
  trialStartedAt: Date;
  trialEndsAt: Date;
  trialActive: boolean;
  trialConvertedAt: Date | null;
  trialExpiredAt: Date | null;
  subscriptionStatus: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  status: row.status,
  trialStartedAt: row.trial_started_at,
  trialEndsAt: row.trial_ends_at,
  trialActive: row.trial_active,
  trialConvertedAt: row.trial_converted_at,
  trialExpiredAt: row.trial_expired_at,
  subscriptionStatus: row.subscription_status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findTenant(trx: Knex, id: string): Promise<Tenant | undefined> {
  const row = await trx('tenants').where({ id }).first();
  return row && toTenant(row);
}

/** For code that has just authenticated the tenant: its absence is a bug, not a user error. */
export async function getTenant(trx: Knex, id: string): Promise<Tenant> {
  const tenant = await findTenant(trx, id);
  if (!tenant) throw new Error(`tenant ${id} not found`);
  return tenant;
}

/** A new workspace at sign-up, its trial running from `trialStartedAt`. */
export async function insertTenant(trx: Knex, tenant: { id: string; name: string; slug: string; trialStartedAt: Date; trialEndsAt: Date }): Promise<Tenant> {
  const [row] = await trx('tenants')
    .insert({ id: tenant.id, name: tenant.name, slug: tenant.slug, trial_started_at: tenant.trialStartedAt, trial_ends_at: tenant.trialEndsAt, trial_active: true })
    .returning('*');
  return toTenant(row);
}

/** The tenant's copy of its subscription status, which `tenantAccess` reads on every request. */
export async function setTenantSubscriptionStatus(trx: Knex, id: string, status: string): Promise<void> {
  await trx('tenants').where({ id }).update({ subscription_status: status, updated_at: new Date() });
}

/** Ends the trial once; a retry (or an already converted trial) changes nothing. */
export async function expireTenantTrial(trx: Knex, id: string): Promise<void> {
  await trx('tenants').where({ id, trial_active: true }).update({ trial_active: false, trial_expired_at: new Date() });
}

/** Records the conversion once; a retry keeps the first time. */
export async function markTenantTrialConverted(trx: Knex, id: string): Promise<void> {
  await trx('tenants').where({ id }).whereNull('trial_converted_at').update({ trial_converted_at: new Date(), trial_active: false });
}

/** The workspace's name (the business the AI speaks for); RLS shows a tenant only its own row. */
export async function findTenantName(trx: Knex, tenantId: string): Promise<string | undefined> {
  return (await trx('tenants').where({ id: tenantId }).first('name'))?.name;
}
