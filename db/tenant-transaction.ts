import type { Knex } from 'knex';

/**
 * Runs `work` in a transaction bound to one tenant: `app.tenant_id` is set for this transaction only,
 * and the RLS policies on every tenant table compare against it. A query that forgets its
 * `WHERE tenant_id` still sees only this tenant's rows.
 */
export async function withTenant<T>(db: Knex, tenantId: string, work: (trx: Knex.Transaction) => PromiseLike<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw("select set_config('app.tenant_id', ?, true)", [tenantId]);
    return work(trx);
  });
}
