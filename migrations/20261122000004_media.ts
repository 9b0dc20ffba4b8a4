import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('media_files', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    // No foreign key: messages is partitioned and keyed by (id, created_at).
    t.uuid('message_id');
    t.text('direction').notNullable().checkIn(['inbound', 'outbound']);
    t.text('mime_type').notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.text('sha256').notNullable();
    t.text('storage_key').notNullable();
    t.text('meta_media_id');
    // Meta media ids belong to the number that uploaded them and expire after 30 days, so both are kept.
    t.text('meta_phone_number_id');
    t.timestamp('meta_uploaded_at', { useTz: true });
    t.text('filename');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // A message carries at most one file; this also makes storing an inbound file idempotent.
    t.unique(['tenant_id', 'message_id']);
    t.index(['tenant_id', 'created_at']);
  });

  await knex.raw(`
    ALTER TABLE media_files ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON media_files
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
    GRANT SELECT, INSERT, UPDATE, DELETE ON media_files TO ${APP_ROLE};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('media_files');
}
