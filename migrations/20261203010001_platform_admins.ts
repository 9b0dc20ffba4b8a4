import type { Knex } from 'knex';

/**
 * "admin" is the workspace role only; the platform's operators are platform admins (issue 10 item
 * 10). The table and its constraints take that name. Owner-only as before: no RLS, no grant to
 * aerostic_app; `platform_audit_logs.admin_id` keeps pointing at it (a rename keeps foreign keys).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE admins RENAME TO platform_admins;
    ALTER TABLE platform_admins RENAME CONSTRAINT admins_pkey TO platform_admins_pkey;
    ALTER TABLE platform_admins RENAME CONSTRAINT admins_email_unique TO platform_admins_email_unique;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE platform_admins RENAME CONSTRAINT platform_admins_email_unique TO admins_email_unique;
    ALTER TABLE platform_admins RENAME CONSTRAINT platform_admins_pkey TO admins_pkey;
    ALTER TABLE platform_admins RENAME TO admins;
  `);
}
