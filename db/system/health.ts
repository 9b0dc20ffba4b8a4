import type { Knex } from 'knex';

/** Readiness: the owner connection answers (it is the pool every cross-tenant lookup needs). */
export async function pingDatabase(system: Knex): Promise<void> {
  await system.raw('select 1');
}

/** For benchmark reports: which Postgres answered. */
export async function serverVersion(system: Knex): Promise<string> {
  const result = await system.raw('show server_version');
  return String(result.rows[0].server_version);
}
