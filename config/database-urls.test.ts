import { appRolePassword, derivedAppRoleUrl } from './database-urls';

describe('the app role login derived from DATABASE_URL', () => {
  it('keeps host, database and options, swaps in aerostic_app and a password that depends on the owner’s', () => {
    const url = new URL(derivedAppRoleUrl('postgres://owner:s3cret%2Fpw@db.internal:5433/aerostic?sslmode=require'));
    expect({ user: url.username, host: url.host, path: url.pathname, ssl: url.searchParams.get('sslmode') }).toEqual({
      user: 'aerostic_app',
      host: 'db.internal:5433',
      path: '/aerostic',
      ssl: 'require',
    });
    expect(decodeURIComponent(url.password)).toBe(appRolePassword('postgres://owner:s3cret%2Fpw@db.internal:5433/aerostic'));
    expect(url.password).not.toContain('s3cret');
    expect(appRolePassword('postgres://owner:a@h/db')).not.toBe(appRolePassword('postgres://owner:b@h/db'));
    expect(appRolePassword('postgres://owner:a@h/db')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses to derive from an owner URL without a password (the result would be a public constant)', () => {
    expect(() => derivedAppRoleUrl('postgres://owner@127.0.0.1/aerostic')).toThrow(/set DATABASE_APP_URL/);
  });
});
