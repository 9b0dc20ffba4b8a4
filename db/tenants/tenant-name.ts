import type { Knex } from 'knex';

/** The workspace's name (the business the AI speaks for); RLS shows a tenant only its own row. */
export async function findTenantName(trx: Knex, tenantId: string): Promise<string | undefined> {
  return (await trx('tenants').where({ id: tenantId }).first('name'))?.name;
}
