import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('email_verified_at', { useTz: true });
  });
  // An invitation no longer claims its email platform-wide: inviting an address that has an account
  // elsewhere must look exactly like inviting a new one (no enumeration). Accounts stay unique; the
  // conflict surfaces when the invitation is accepted.
  await knex.raw(`
    DROP INDEX users_email_unique;
    CREATE UNIQUE INDEX users_email_unique ON users (lower(email)) WHERE status <> 'invited';
    CREATE UNIQUE INDEX users_tenant_email_unique ON users (tenant_id, lower(email));
  `);

  // Single-use links mailed to a user (email verification, password reset); only the hash is kept.
  await knex.schema.createTable('account_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('purpose').notNullable();
    t.text('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id', 'purpose']);
  });
  await knex.raw(`
    ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('verify_email', 'reset_password'));
    ALTER TABLE account_tokens ENABLE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON account_tokens
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
    GRANT SELECT, INSERT, UPDATE, DELETE ON account_tokens TO ${APP_ROLE};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('account_tokens');
  await knex.raw(`
    DROP INDEX IF EXISTS users_tenant_email_unique;
    DROP INDEX users_email_unique;
    CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
  `);
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('email_verified_at');
  });
}
