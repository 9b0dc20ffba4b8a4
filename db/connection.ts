import knex, { type Knex } from 'knex';

/** The role every request runs as: no BYPASSRLS and not the tables' owner, so RLS always applies. */
export const APP_ROLE = 'aerostic_app';

export interface Database {
  /** Tenant-scoped work: every connection runs as the RLS-bound role. Use through `withTenant`. */
  app: Knex;
  /** The owner connection, used only by the named cross-tenant functions in `db/system/`. */
  system: Knex;
  destroy(): Promise<void>;
}

export function createDatabase(databaseUrl: string, options: { poolMax?: number } = {}): Database {
  const poolMax = options.poolMax ?? 10;
  const app = knex({
    client: 'pg',
    connection: databaseUrl,
    pool: {
      min: 0,
      max: poolMax,
      afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query(`SET ROLE ${APP_ROLE}`, (err) => done(err, conn));
      },
    },
  });
  const system = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: Math.max(2, Math.ceil(poolMax / 2)) } });
  return {
    app,
    system,
    async destroy() {
      await Promise.all([app.destroy(), system.destroy()]);
    },
  };
}
