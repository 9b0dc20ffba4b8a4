import { randomUUID } from 'node:crypto';
import { createDatabase, type Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import { findUser } from '../../db/users/users';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant, type RegisteredTenant } from '../support/factories';

let app: TestApp;
let db: Database;
let a: RegisteredTenant;
let b: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp();
  db = createDatabase(app.config.databaseUrl, { poolMax: 2 });
  [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
});
afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

describe('row-level security on tenant tables', () => {
  it('a query that forgets WHERE tenant_id still sees only its own tenant', async () => {
    const users = await withTenant(db.app, a.tenant.id, (trx) => trx('users').select('tenant_id', 'email'));
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => u.tenant_id))).toEqual(new Set([a.tenant.id]));
    const tenants = await withTenant(db.app, a.tenant.id, (trx) => trx('tenants').select('id'));
    expect(tenants).toEqual([{ id: a.tenant.id }]);
    const tokens = await withTenant(db.app, a.tenant.id, (trx) => trx('refresh_tokens').distinct('tenant_id'));
    expect(tokens).toEqual([{ tenant_id: a.tenant.id }]);
    // Proof the other tenant's rows exist: the owner connection (cross-tenant functions only) sees both.
    const both = await db.system('users').whereIn('tenant_id', [a.tenant.id, b.tenant.id]).distinct('tenant_id');
    expect(both).toHaveLength(2);
  });

  it('looking up another tenant’s row by id finds nothing', async () => {
    const found = await withTenant(db.app, a.tenant.id, (trx) => findUser(trx, b.user.id));
    expect(found).toBeUndefined();
  });

  it('cannot update or delete another tenant’s rows', async () => {
    const updated = await withTenant(db.app, a.tenant.id, (trx) => trx('users').where({ id: b.user.id }).update({ name: 'pwned' }));
    const deleted = await withTenant(db.app, a.tenant.id, (trx) => trx('users').where({ id: b.user.id }).delete());
    expect([updated, deleted]).toEqual([0, 0]);
    expect((await db.system('users').where({ id: b.user.id }).first())!.name).not.toBe('pwned');
  });

  it('cannot insert a row into another tenant', async () => {
    const attempt = withTenant(db.app, a.tenant.id, (trx) =>
      trx('users').insert({ id: randomUUID(), tenant_id: b.tenant.id, email: `intruder.${randomUUID()}@example.com`, name: 'x', role: 'admin' }),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('outside a tenant transaction the app role sees nothing at all', async () => {
    expect(await db.app('users').select('id')).toEqual([]);
    expect(await db.app('tenants').select('id')).toEqual([]);
  });

  it('the app role has no BYPASSRLS and owns no table', async () => {
    const [role] = (await db.app.raw('select current_user as name, rolbypassrls, rolsuper from pg_roles where rolname = current_user')).rows;
    expect(role).toEqual({ name: 'aerostic_app', rolbypassrls: false, rolsuper: false });
    const owned = (await db.app.raw("select tablename from pg_tables where schemaname = 'public' and tableowner = current_user")).rows;
    expect(owned).toEqual([]);
  });

  it('the app role cannot read the cross-tenant tables at all', async () => {
    await expect(db.app('otp_challenges').select('id')).rejects.toThrow(/permission denied/);
    await expect(db.app('platform_notifications').select('id')).rejects.toThrow(/permission denied/);
    await expect(db.app('platform_admins').select('id')).rejects.toThrow(/permission denied/);
    await expect(db.app('platform_audit_logs').select('id')).rejects.toThrow(/permission denied/);
  });
});
