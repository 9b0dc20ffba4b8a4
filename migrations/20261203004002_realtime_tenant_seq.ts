import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

/**
 * `seq` per tenant instead of one global sequence: a global seq showed every tenant how many events
 * all the others had (the gaps between its own). The global order stays as `id`, which pruning cuts
 * by; the horizon of what was pruned is kept per tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE realtime_events RENAME COLUMN seq TO id;
    ALTER TABLE realtime_events ADD COLUMN seq bigint;
    UPDATE realtime_events e SET seq = n.rn
      FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS rn FROM realtime_events) n
      WHERE n.id = e.id;
    ALTER TABLE realtime_events ALTER COLUMN seq SET NOT NULL;
    CREATE UNIQUE INDEX realtime_events_tenant_seq ON realtime_events (tenant_id, seq);

    CREATE TABLE realtime_tenant_horizon (
      tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
      pruned_through bigint NOT NULL DEFAULT 0
    );
    ALTER TABLE realtime_tenant_horizon ENABLE ROW LEVEL SECURITY;
    ALTER TABLE realtime_tenant_horizon FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON realtime_tenant_horizon
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
    GRANT SELECT ON realtime_tenant_horizon TO ${APP_ROLE};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS realtime_tenant_horizon;
    DROP INDEX IF EXISTS realtime_events_tenant_seq;
    ALTER TABLE realtime_events DROP COLUMN seq;
    ALTER TABLE realtime_events RENAME COLUMN id TO seq;
  `);
}
