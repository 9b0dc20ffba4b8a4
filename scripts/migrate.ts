import { loadConfig } from '../config';
import { migrateLatest } from '../db/migrate';

async function main() {
  const config = loadConfig();
  const applied = await migrateLatest(config.databaseUrl, { appUrlGiven: config.databaseAppUrl !== undefined });
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
