import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

/** The first of the month, `offset` months from now, as YYYY-MM-DD. */
function monthStart(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('whatsapp_accounts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('waba_id').notNullable();
    // A number belongs to one workspace: webhooks are routed by it.
    t.text('phone_number_id').notNullable().unique();
    t.text('display_phone_number').notNullable();
    t.text('verified_name');
    t.text('status').notNullable().defaultTo('connected');
    t.text('quality_rating');
    t.boolean('is_default').notNullable().defaultTo(false);
    t.text('access_token_ciphertext').notNullable();
    t.text('access_token_key_id').notNullable();
    t.timestamp('token_expires_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['tenant_id']);
  });
  await knex.raw('CREATE UNIQUE INDEX whatsapp_accounts_one_default ON whatsapp_accounts (tenant_id) WHERE is_default');

  await knex.schema.createTable('contacts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('phone_ciphertext').notNullable();
    t.text('phone_key_id').notNullable();
    t.text('phone_blind_index').notNullable();
    t.text('phone_last4').notNullable();
    t.text('name');
    t.text('profile_name');
    t.text('source').notNullable().defaultTo('inbound');
    t.text('lead_status').notNullable().defaultTo('new');
    t.boolean('opted_out').notNullable().defaultTo(false);
    t.timestamp('opted_out_at', { useTz: true });
    t.timestamp('opt_in_at', { useTz: true });
    t.jsonb('attributes').notNullable().defaultTo('{}');
    t.timestamps(true, true);
    t.unique(['tenant_id', 'phone_blind_index']);
  });

  await knex.schema.createTable('conversations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE');
    t.text('phone_number_id').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.text('mode').notNullable().defaultTo('ai');
    t.uuid('assigned_to').references('users.id').onDelete('SET NULL');
    t.integer('unread_count').notNullable().defaultTo(0);
    t.timestamp('last_message_at', { useTz: true });
    t.timestamp('last_inbound_at', { useTz: true });
    t.timestamps(true, true);
    t.unique(['tenant_id', 'contact_id', 'phone_number_id']);
    t.index(['tenant_id', 'status', 'last_message_at']);
  });

  // Partitioned by month; partitions for the months around now plus a default, so no insert can fail.
  await knex.raw(`
    CREATE TABLE messages (
      id uuid NOT NULL,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      conversation_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      type text NOT NULL,
      content jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL,
      wa_message_id text,
      sender text NOT NULL DEFAULT 'contact',
      sender_user_id uuid,
      error_code text,
      error_title text,
      error_detail text,
      sent_at timestamptz,
      delivered_at timestamptz,
      read_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, created_at)
    ) PARTITION BY RANGE (created_at);
    CREATE INDEX messages_conversation_created ON messages (conversation_id, created_at);
    CREATE INDEX messages_tenant_created ON messages (tenant_id, created_at);
    CREATE TABLE messages_default PARTITION OF messages DEFAULT;
  `);
  for (let offset = -1; offset <= 3; offset++) {
    const from = monthStart(offset);
    const to = monthStart(offset + 1);
    await knex.raw(`CREATE TABLE IF NOT EXISTS messages_${from.slice(0, 7).replace('-', '_')} PARTITION OF messages FOR VALUES FROM ('${from}') TO ('${to}')`);
  }

  // A partitioned table can't hold a unique key without the partition column, so the Meta message id
  // gets its own table: it dedupes redelivered webhooks and finds a message when its status arrives.
  await knex.schema.createTable('message_wa_ids', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('wa_message_id').notNullable();
    t.uuid('message_id').notNullable();
    t.timestamp('message_created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'wa_message_id']);
  });

  // The dispatcher's ledger: written before Meta is called, so a message is never sent twice.
  await knex.schema.createTable('message_sends', (t) => {
    t.uuid('message_id').primary();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('phone_number_id').notNullable();
    t.text('state').notNullable();
    t.text('wa_message_id');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error_code');
    t.timestamps(true, true);
  });

  for (const table of ['whatsapp_accounts', 'contacts', 'conversations', 'messages', 'message_wa_ids', 'message_sends']) {
    await knex.raw(`
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE};
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['message_sends', 'message_wa_ids', 'messages', 'conversations', 'contacts', 'whatsapp_accounts']) {
    await knex.schema.dropTableIfExists(table);
  }
}
