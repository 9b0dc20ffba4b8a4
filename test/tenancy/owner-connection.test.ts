import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The owner connection (`Database.system`) bypasses row-level security, so what runs on it is kept
 * to `db/system/`, one named function per cross-tenant question. Elsewhere code may only hand the
 * connection to those functions, and only the files listed here may hold it at all.
 */
const root = join(__dirname, '..', '..');
const SCANNED = ['api', 'infra', 'integrations', 'activities', 'worker', 'workflows', 'domain', 'db', 'config', 'scripts', 'bench', 'sandbox'];

/** Files outside `db/system/` that pass the owner connection to a `db/system/` function, and why. */
const HOLDERS: Record<string, string> = {
  'activities/billing/apply-subscription-status.ts': 'publishes realtime events',
  'activities/billing/ensure-razorpay-plan.ts': 'the plan id cache is platform-wide',
  'activities/conversations/index.ts': 'publishes realtime events',
  'activities/meta/dispatch/platform-sender.ts': "the platform number's send ledger has no tenant",
  'integrations/notifications/mailer.ts': 'platform mail is recorded in the platform outbox',
  'activities/metrics/index.ts': 'daily roll-ups and message partitions span tenants',
  'integrations/notifications/platform-notifier.ts': 'the platform outbox has no tenant',
  'infra/realtime/publish-event.ts': 'the realtime log is appended for any tenant',
  'activities/whatsapp/connect-whatsapp-number.ts': 'a number may belong to one workspace only',
  'api/auth/account-routes.ts': 'wiring of the mailer',
  'api/auth/account-tokens.ts': 'a verification or reset token names its tenant',
  'api/auth/initiate-registration.ts': 'email and workspace uniqueness before a tenant exists',
  'api/auth/login.ts': 'login by email finds the tenant',
  'api/auth/router.ts': 'wiring of the mailer',
  'api/auth/refresh-tokens.ts': 'a refresh token names its tenant',
  'api/auth/password-reset.ts': 'a reset request names an email, not a tenant',
  'api/auth/register.ts': 'the sign-up code is checked before a tenant exists',
  'api/auth/sign-up-code.ts': 'a pending sign-up exists before its tenant',
  'api/auth/verify-otp.ts': 'the sign-up code is checked before a tenant exists',
  'api/health/router.ts': 'readiness pings Postgres',
  'api/inbox-settings/router.ts': 'publishes realtime events',
  'api/main.ts': 'wiring',
  'api/platform/router.ts': 'platform-admin audit rows have no tenant',
  'api/platform/authenticate.ts': 'platform admins belong to no tenant',
  'api/platform/login.ts': 'platform admins belong to no tenant',
  'api/sandbox/router.ts': 'the sandbox outbox has no tenant',
  'api/users/accept-invite.ts': 'an invitation token names its tenant',
  'api/users/invite-user.ts': 'email uniqueness across tenants',
  'api/users/look-up-invitation.ts': 'an invitation token names its tenant',
  'api/users/router.ts': 'publishes realtime events',
  'api/webhooks/meta/number-directory.ts': 'a webhook names a phone number, not a tenant',
  'api/webhooks/meta/receive-meta-webhook.ts': 'a webhook names a phone number, not a tenant',
  'api/webhooks/meta/router.ts': 'a webhook names a phone number, not a tenant',
  'api/webhooks/receive-razorpay-webhook.ts': 'a webhook names a subscription, not a tenant',
  'bench/webhook-ingest.ts': 'reports the server version',
  'scripts/create-platform-admin.ts': 'platform admins belong to no tenant',
  'scripts/rotate-encryption-keys.ts': 'key rotation re-seals every tenant',
  'worker/activity-deps.ts': 'wiring',
};

const MENTIONS_OWNER = /\b(db|this)\.system\b|\bsystem:\s*Knex\b/;
/** Running a query or transaction on the owner connection itself, not handing it on. */
const QUERIES_OWNER = /\bsystem\s*(\(|\.\s*(raw|transaction|select|from|insert|update|del|delete|table|schema|with|queryBuilder|migrate|count|first|where|into|client)\b)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const outsideSystem = SCANNED.flatMap(sourceFiles).filter((f) => !f.startsWith('db/system/') && f !== 'db/connection.ts');
const lines = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ file, line: i + 1, text: text.trim() }))
    .filter((l) => !l.text.startsWith('//') && !l.text.startsWith('*'));

describe('owner-connection code lives in db/system/', () => {
  it('no file outside db/system/ runs a query on the owner connection', () => {
    const offenders = outsideSystem.flatMap(lines).filter((l) => QUERIES_OWNER.test(l.text));
    expect(offenders).toEqual([]);
  });

  it('only the listed files hold the owner connection, to hand it to db/system/ functions', () => {
    const holders = outsideSystem.filter((file) => lines(file).some((l) => MENTIONS_OWNER.test(l.text)));
    expect(holders.filter((f) => !(f in HOLDERS))).toEqual([]);
  });

  it('the scan recognises a direct owner query and an unlisted holder', () => {
    expect(QUERIES_OWNER.test("await deps.db.system('users').where({ email })")).toBe(true);
    expect(QUERIES_OWNER.test("await db.system.raw('select 1')")).toBe(true);
    expect(QUERIES_OWNER.test('await check.system.transaction(async (trx) => trx)')).toBe(true);
    expect(QUERIES_OWNER.test('await emailInUse(deps.db.system, input.email)')).toBe(false);
    expect(MENTIONS_OWNER.test('await emailInUse(deps.db.system, input.email)')).toBe(true);
  });
});
