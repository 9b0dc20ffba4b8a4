import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 10 item 1 for billing, WhatsApp numbers, media and dispatch: their SQL lives only in db/,
 * and each of their tables has exactly one typed home there (docs/architecture/billing-channel-media-data.md).
 * The User, Tenant and AuditLog models these files still use belong to the identity data.
 */
const root = join(__dirname, '..');

function tsFiles(path: string): string[] {
  if (!statSync(join(root, path)).isDirectory()) return [path];
  return readdirSync(join(root, path)).flatMap((name) => (/\.test\.ts$/.test(name) ? [] : /\.ts$/.test(name) || !name.includes('.') ? tsFiles(join(path, name)) : []));
}

const ORCHESTRATORS = [
  'activities/billing',
  'activities/whatsapp',
  'activities/meta/account-token.ts',
  'activities/meta/dispatch',
  'activities/media',
  'api/billing',
  'api/whatsapp',
  'api/media',
  'api/sandbox/info-router.ts',
].flatMap(tsFiles);

const TABLES = ['plans', 'subscriptions', 'payments', 'invoices', 'usage_events', 'razorpay_plans', 'razorpay_events', 'daily_metrics', 'whatsapp_accounts', 'media_files', 'message_sends', 'platform_notifications'];

/** Query-builder calls and models of this area's tables (identity's models are another area's). */
const SQL = /\b(trx|db|system|knex)\(['"`]|\.(raw|where|whereNot|whereIn|whereNull|andWhere|orWhere|insert|select|update|first|forUpdate|onConflict|returning)\(|\b(Plan|Subscription|WhatsappAccount)\.query\(|db\/models\/(plan|subscription|whatsapp-account)'/;

describe('billing, channel and media data live in db/', () => {
  it('finds the files it checks', () => {
    expect(ORCHESTRATORS.length).toBeGreaterThan(20);
  });

  it('API use-cases and activities of the area write no SQL and use no Objection model of its tables', () => {
    const offending = ORCHESTRATORS.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) => SQL.test(text) && !/\b(User|Tenant|AuditLog)\.query\(/.test(text) && !/razorpay\.\w+\.(update|select)\(/.test(text) && !/createHash/.test(text)),
    );
    expect(offending).toEqual([]);
  });

  it('each table of the area has one row type with its knex table typing, in db/', () => {
    const dbFiles = tsFiles('db');
    const homes = Object.fromEntries(
      TABLES.map((table) => [table, dbFiles.filter((file) => new RegExp(`^\\s+${table}: (Knex\\.CompositeTableType<)?\\w+Row\\b`, 'm').test(readFileSync(join(root, file), 'utf8')))]),
    );
    for (const table of TABLES) expect({ table, homes: homes[table].length }).toEqual({ table, homes: 1 });
  });

  it('the replaced Objection models are gone', () => {
    const models = readdirSync(join(root, 'db/models'));
    expect(models.filter((name) => /^(plan|subscription|whatsapp-account)\.ts$/.test(name))).toEqual([]);
  });
});
