import { resolve } from 'node:path';
import knex from 'knex';

/** Applies every pending migration as the database owner (the app role cannot run DDL). */
export async function migrateLatest(databaseUrl: string): Promise<string[]> {
  const db = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    const [, applied] = await db.migrate.latest({
      directory: resolve(__dirname, '..', 'migrations'),
      loadExtensions: ['.ts'],
      tableName: 'knex_migrations',
    });
    return applied as string[];
  } finally {
    await db.destroy();
  }
}
