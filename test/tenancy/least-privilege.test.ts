import { createDatabase, type Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let db: Database;
let a: RegisteredTenant;
let b: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  db = createDatabase(app.config.databaseUrl, { poolMax: 3 });
  [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
});
afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

type Result = { rows: Record<string, unknown>[] };
/** A multi-statement string, sent as simple-query text the way an injection would arrive. */
const injected = async (trx: { raw(sql: string): PromiseLike<unknown> }, sql: string) => {
  const results = (await trx.raw(sql)) as Result | Result[];
  return Array.isArray(results) ? results : [results];
};

describe('least privilege in Postgres', () => {
  it('every tenant transaction runs as the app role, on its own login, over many pooled connections', async () => {
    const seen = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withTenant(i % 2 ? db.app : app.db.app, i % 3 ? a.tenant.id : b.tenant.id, async (trx) => (await trx.raw('select current_user, session_user')).rows[0]),
      ),
    );
    expect(new Set(seen.map((r) => `${r.current_user}/${r.session_user}`))).toEqual(new Set(['aerostic_app/aerostic_app']));
  });

  it('an injected RESET ROLE stays the app role and finds none of another tenant’s rows', async () => {
    const results = await withTenant(db.app, a.tenant.id, (trx) =>
      injected(trx, `RESET ROLE; SELECT current_user AS who; SELECT id, email FROM users WHERE tenant_id = '${b.tenant.id}'; SELECT id FROM tenants WHERE id = '${b.tenant.id}'`),
    );
    expect(results.slice(1).map((r) => r.rows)).toEqual([[{ who: 'aerostic_app' }], [], []]);
    // Outside a tenant transaction, too.
    const bare = await injected(db.app, `RESET ROLE; SELECT id FROM users WHERE tenant_id = '${b.tenant.id}'`);
    expect(bare[1].rows).toEqual([]);
    // The rows are there: the owner connection sees them.
    expect(await db.system('users').where({ tenant_id: b.tenant.id }).select('id')).toHaveLength(1);
  });

  it('the app role cannot switch to the owner or any other role', async () => {
    const [{ owner }] = (await db.system.raw('select current_user as owner')).rows;
    for (const attempt of [`SET ROLE ${owner}`, 'SET ROLE postgres', `SET SESSION AUTHORIZATION ${owner}`]) {
      await expect(withTenant(db.app, a.tenant.id, (trx) => injected(trx, `${attempt}; SELECT id FROM users`))).rejects.toThrow(
        /permission denied|must be superuser|not permitted/,
      );
    }
    const memberships = (await db.system.raw("select roleid::regrole::text as role from pg_auth_members where member = 'aerostic_app'::regrole")).rows;
    expect(memberships).toEqual([]);
    const [role] = (
      await db.system.raw(
        "select rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, pg_has_role('aerostic_app', current_user, 'MEMBER') as in_owner from pg_roles where rolname = 'aerostic_app'",
      )
    ).rows;
    expect(role).toEqual({ rolcanlogin: true, rolsuper: false, rolbypassrls: false, rolcreaterole: false, in_owner: false });
  });

  it('every table the app role can reach that holds tenant rows forces row-level security', async () => {
    const tables = (
      await db.system.raw(`
        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
        from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          and has_table_privilege('aerostic_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
          and (c.relname = 'tenants' or exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
        order by 1`)
    ).rows as { name: string; enabled: boolean; forced: boolean }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tenants', 'users', 'contacts', 'conversations', 'messages']));
    expect(tables.filter((t) => !(t.enabled && t.forced))).toEqual([]);
    const enabledNotForced = (
      await db.system.raw("select relname from pg_class where relnamespace = 'public'::regnamespace and relrowsecurity and not relforcerowsecurity and not relispartition")
    ).rows;
    expect(enabledNotForced).toEqual([]);
  });

  it('the embedded owner is not a superuser; it bypasses RLS only by its explicit BYPASSRLS', async () => {
    const [owner] = (await db.system.raw('select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user')).rows;
    expect(owner).toEqual({ name: 'aerostic_owner', rolsuper: false, rolbypassrls: true });
    const owned = (await db.system.raw("select tablename from pg_tables where schemaname = 'public' and tableowner <> current_user")).rows;
    expect(owned).toEqual([]);
  });
});
