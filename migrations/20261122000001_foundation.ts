import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';
const TENANT_TABLES = ['users', 'refresh_tokens', 'audit_logs'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
      END IF;
    END $$;
    GRANT ${APP_ROLE} TO CURRENT_USER;
    GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
    CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
      $fn$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $fn$;
  `);

  await knex.schema.createTable('tenants', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.text('slug').notNullable().unique();
    t.text('status').notNullable().defaultTo('active');
    t.timestamp('trial_started_at', { useTz: true }).notNullable();
    t.timestamp('trial_ends_at', { useTz: true }).notNullable();
    t.boolean('trial_active').notNullable().defaultTo(true);
    t.timestamp('trial_converted_at', { useTz: true });
    t.timestamp('trial_expired_at', { useTz: true });
    t.text('subscription_status');
    t.timestamps(true, true);
  });
  await knex.raw(`ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active', 'suspended'))`);

  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('phone');
    t.text('role').notNullable();
    t.text('status').notNullable().defaultTo('active');
    t.text('password_hash');
    t.text('invite_token_hash').unique();
    t.timestamp('invite_expires_at', { useTz: true });
    t.uuid('invited_by');
    t.timestamp('last_login_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['tenant_id']);
  });
  await knex.raw(`
    CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'agent'));
    ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active', 'invited', 'deactivated'));
  `);

  await knex.schema.createTable('refresh_tokens', (t) => {
    t.uuid('id').primary();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('family_id').notNullable();
    t.text('token_hash').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('rotated_at', { useTz: true });
    t.uuid('replaced_by');
    t.timestamp('revoked_at', { useTz: true });
    t.text('revoked_reason');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'family_id']);
  });

  await knex.schema.createTable('otp_challenges', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('purpose').notNullable();
    t.text('phone').notNullable();
    t.text('email').notNullable();
    t.text('code_hash').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('consumed_at', { useTz: true });
    t.timestamp('locked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['purpose', 'phone', 'email', 'created_at']);
  });

  await knex.schema.createTable('admins', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable().unique();
    t.text('name').notNullable();
    t.text('password_hash').notNullable();
    t.timestamps(true, true);
  });

  await knex.schema.createTable('audit_logs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('actor_user_id');
    t.text('action').notNullable();
    t.text('target_type');
    t.uuid('target_id');
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.text('ip');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at']);
  });

  // What the platform itself sends (OTPs, trial reminders): the sandbox outbox, and the idempotency ledger.
  await knex.schema.createTable('platform_notifications', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').references('tenants.id').onDelete('CASCADE');
    t.text('to_phone').notNullable();
    t.text('kind').notNullable();
    t.text('body').notNullable();
    t.text('idempotency_key').notNullable().unique();
    t.text('status').notNullable().defaultTo('queued');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['to_phone', 'created_at']);
  });

  await knex.raw(`
    ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON tenants USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());
    GRANT SELECT, INSERT, UPDATE ON tenants TO ${APP_ROLE};
  `);
  for (const table of TENANT_TABLES) {
    await knex.raw(`
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE};
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['platform_notifications', 'audit_logs', 'admins', 'otp_challenges', 'refresh_tokens', 'users', 'tenants']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('DROP FUNCTION IF EXISTS app_current_tenant()');
}
