/**
 * Creates a platform (super) admin, or resets the name and password of an existing one:
 *   ADMIN_PASSWORD=… npm run create-platform-admin -- --email ops@example.com --name "Ops"
 * (`npm run create-admin` is the same script under its old name). "Admin" alone is the workspace role.
 * Each value comes from `--email/--name/--password` or `ADMIN_EMAIL/ADMIN_NAME/ADMIN_PASSWORD`; prefer
 * the variable for the password, which on the command line would stay in the shell history.
 * The database is DATABASE_URL, else the embedded Postgres of `npm start` (in AEROSTIC_DATA_DIR).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../api/auth/passwords';
import { createDatabase } from '../db/connection';
import { upsertPlatformAdmin } from '../db/system/platform-admins';
import { ZEmailSchema, ZPasswordSchema, ZPersonNameSchema } from '../domain/auth';
import { embeddedPostgresUrl } from './stack/postgres';

const ZPlatformAdminSchema = z.object({ email: ZEmailSchema, name: ZPersonNameSchema, password: ZPasswordSchema });

function readInput(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  const parsed = ZPlatformAdminSchema.safeParse({
    email: values.email ?? env.ADMIN_EMAIL,
    name: values.name ?? env.ADMIN_NAME,
    password: values.password ?? env.ADMIN_PASSWORD,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`usage: create-platform-admin --email E --name N (password in ADMIN_PASSWORD or --password)\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function databaseUrl(env: NodeJS.ProcessEnv): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = resolve(__dirname, '..', env.AEROSTIC_DATA_DIR || '.data');
  return embeddedPostgresUrl(join(dataDir, 'postgres'), Number(env.EMBEDDED_PG_PORT || 5433));
}

async function main(): Promise<void> {
  const input = readInput(process.argv.slice(2), process.env);
  const db = createDatabase(databaseUrl(process.env), { poolMax: 2 });
  try {
    const { id, created } = await upsertPlatformAdmin(db.system, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
    console.log(`${created ? 'created' : 'updated'} platform admin ${input.email} (${id})`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
