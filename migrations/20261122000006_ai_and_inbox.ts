import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

export async function up(knex: Knex): Promise<void> {
  // The conversation actor owns these: its AI reply count (the cap) and why it was handed to people.
  await knex.schema.alterTable('conversations', (t) => {
    t.integer('ai_reply_count').notNullable().defaultTo(0);
    t.text('handoff_reason');
  });

  // One row per tenant; absent means the defaults (AI off until a tenant turns it on).
  await knex.schema.createTable('ai_settings', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.boolean('enabled').notNullable().defaultTo(false);
    t.text('persona').notNullable().defaultTo('');
    t.decimal('confidence_threshold', 3, 2).notNullable().defaultTo(0.7);
    t.integer('max_replies_per_conversation').notNullable().defaultTo(5);
    t.specificType('blocked_intents', 'text[]').notNullable().defaultTo(knex.raw(`'{refund,legal,complaint}'::text[]`));
    t.text('active_hours').notNullable().defaultTo('always');
    t.jsonb('business_hours');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('knowledge_documents', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('title').notNullable();
    t.text('format').notNullable();
    t.integer('char_count').notNullable();
    t.integer('chunk_count').notNullable();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at']);
  });
  // Retrieval is Postgres full-text search over chunks: no extension, no embedding calls per document.
  await knex.raw(`
    CREATE TABLE knowledge_chunks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      document_id uuid NOT NULL REFERENCES knowledge_documents(id) ON DELETE CASCADE,
      position integer NOT NULL,
      content text NOT NULL,
      search tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
      UNIQUE (document_id, position)
    );
    CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search);
    CREATE INDEX knowledge_chunks_tenant ON knowledge_chunks (tenant_id);
  `);

  await knex.schema.createTable('canned_responses', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('shortcut').notNullable();
    t.text('body').notNullable();
    t.timestamps(true, true);
    t.unique(['tenant_id', 'shortcut']);
  });

  await knex.schema.createTable('labels', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('color').notNullable().defaultTo('#64748b');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'name']);
  });

  await knex.schema.createTable('conversation_labels', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.uuid('label_id').notNullable().references('labels.id').onDelete('CASCADE');
    t.primary(['conversation_id', 'label_id']);
    t.index(['tenant_id', 'label_id']);
  });

  await knex.schema.createTable('conversation_notes', (t) => {
    t.uuid('id').primary();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.uuid('author_id').references('users.id').onDelete('SET NULL');
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['conversation_id', 'created_at']);
  });

  for (const table of ['ai_settings', 'knowledge_documents', 'knowledge_chunks', 'canned_responses', 'labels', 'conversation_labels', 'conversation_notes']) {
    await knex.raw(`
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE};
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['conversation_notes', 'conversation_labels', 'labels', 'canned_responses', 'knowledge_chunks', 'knowledge_documents', 'ai_settings']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumn('ai_reply_count');
    t.dropColumn('handoff_reason');
  });
}
