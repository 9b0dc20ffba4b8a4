import type { Knex } from 'knex';

/**
 * What platform (super) admins did, who belong to no tenant: `audit_logs` rows need one. Owner-only
 * (no grant to aerostic_app), written through db/system/platform-audit.ts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_audit_logs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('admin_id').references('admins.id').onDelete('SET NULL');
    t.text('action').notNullable();
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.text('ip');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['admin_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('platform_audit_logs');
}
