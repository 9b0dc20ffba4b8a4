import { resolve } from 'node:path';
import knex from 'knex';
import { appRolePassword } from '../config/database-urls';
import { setAppRolePassword } from './system/app-role-login';

/**
 * Applies every pending migration as the database owner (the app role cannot run DDL), then gives
 * the app role its derived login unless `appUrlGiven` (the operator manages it via DATABASE_APP_URL).
 */
export async function migrateLatest(databaseUrl: string, options: { appUrlGiven?: boolean } = {}): Promise<string[]> {
  const db = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    const [, applied] = await db.migrate.latest({
      directory: resolve(__dirname, '..', 'migrations'),
      loadExtensions: ['.ts'],
      tableName: 'knex_migrations',
    });
    if (!options.appUrlGiven) await setAppRolePassword(db, appRolePassword(databaseUrl));
    return applied as string[];
  } finally {
    await db.destroy();
  }
}
