import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

export async function up(knex: Knex): Promise<void> {
  // The catch-up log of the realtime bus: a (re)connecting socket replays its tenant's events after
  // its cursor. Ids only, like the bus itself.
  await knex.schema.createTable('realtime_events', (t) => {
    t.bigIncrements('seq').primary();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('event').notNullable();
    t.jsonb('payload').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'seq']);
  });
  // Pruning deletes a prefix of seq; the horizon tells a socket whose cursor is older that it missed
  // events and must reload (seqs are global, so a tenant's own rows cannot show what was pruned).
  await knex.raw(`
    CREATE TABLE realtime_horizon (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      pruned_through bigint NOT NULL DEFAULT 0
    );
    INSERT INTO realtime_horizon DEFAULT VALUES;
    ALTER TABLE realtime_events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON realtime_events
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
    GRANT SELECT ON realtime_events TO ${APP_ROLE};
    GRANT SELECT ON realtime_horizon TO ${APP_ROLE};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('realtime_horizon');
  await knex.schema.dropTableIfExists('realtime_events');
}
