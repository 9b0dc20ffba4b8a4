import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

/**
 * Least privilege (issue 9 item 4). The app pool now logs in as `aerostic_app` instead of the owner
 * switching into it, so the role becomes LOGIN and loses every membership it might have had (it must
 * not be able to `SET ROLE` to anything). Every table with row-level security also FORCEs it, so the
 * policies bind the tables' owner too; the owner's cross-tenant functions (`db/system/`) therefore
 * need BYPASSRLS (the embedded owner has it; superuser also bypasses), checked here up front.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'role % (DATABASE_URL) needs BYPASSRLS: tenant tables FORCE row-level security and the cross-tenant functions in db/system run as this role', current_user;
      END IF;
    END $$;
    ALTER ROLE ${APP_ROLE} WITH LOGIN;
    DO $$
    DECLARE granted record;
    BEGIN
      FOR granted IN SELECT roleid::regrole AS name FROM pg_auth_members WHERE member = '${APP_ROLE}'::regrole LOOP
        EXECUTE format('REVOKE %s FROM ${APP_ROLE}', granted.name);
      END LOOP;
    END $$;
    DO $$
    DECLARE t record;
    BEGIN
      FOR t IN SELECT c.oid::regclass AS name FROM pg_class c
               WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity LOOP
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.name);
      END LOOP;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    DECLARE t record;
    BEGIN
      FOR t IN SELECT c.oid::regclass AS name FROM pg_class c
               WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t.name);
      END LOOP;
    END $$;
    ALTER ROLE ${APP_ROLE} WITH NOLOGIN PASSWORD NULL;
  `);
}
