import knex, { type Knex } from 'knex';
import { APP_ROLE, derivedAppRoleUrl } from '../config/database-urls';

export { APP_ROLE };

export interface Database {
  /** Tenant-scoped work: the pool logs in as the RLS-bound app role. Use through `withTenant`. */
  app: Knex;
  /** The owner connection, used only by the named cross-tenant functions in `db/system/`. */
  system: Knex;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  poolMax?: number;
  /** `DATABASE_APP_URL`; default: the owner URL with the app role's derived credentials. */
  appUrl?: string;
}

/**
 * Two pools on two logins. The app pool is never the owner with a `SET ROLE` on top (a `RESET ROLE`
 * smuggled into a query would undo that); it logs in as `aerostic_app`, which is a member of no role.
 */
export function createDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const poolMax = options.poolMax ?? 10;
  const app = knex({ client: 'pg', connection: options.appUrl ?? derivedAppRoleUrl(databaseUrl), pool: { min: 0, max: poolMax } });
  const system = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: Math.max(2, Math.ceil(poolMax / 2)) } });
  return {
    app,
    system,
    async destroy() {
      await Promise.all([app.destroy(), system.destroy()]);
    },
  };
}
