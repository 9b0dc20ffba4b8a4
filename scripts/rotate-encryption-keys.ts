/**
 * `npm run rotate-keys`: with ENCRYPTION_KEY listing the new key first and the old ones after
 * (`new:…,old:…`), re-seals every encrypted value not sealed with the new key (or sealed in the v1
 * envelope), and moves contacts still on the pre-tenant-key blind index to their tenant's. Safe to
 * re-run; once it reports nothing left, the old keys can be removed from ENCRYPTION_KEY.
 */
import { loadConfig } from '../config';
import { createDatabase } from '../db/connection';
import { reindexContactPhones } from '../db/system/reindex-contact-phones';
import { resealAll } from '../db/system/reseal-sealed-columns';

async function main() {
  // The rotation talks to Postgres only; Temporal need not be configured to run it.
  const config = loadConfig({ TEMPORAL_ADDRESS: 'unused', ...process.env });
  const db = createDatabase(config.databaseUrl, { poolMax: 2 });
  try {
    console.log(`re-sealing with key "${config.encryptionKeys[0].id}" (configured: ${config.encryptionKeys.map((k) => k.id).join(', ')})`);
    const results = await resealAll(db.system, config.encryptionKeys, {
      onBatch: (table, counts) => console.log(`  ${table}: ${counts.resealed} re-sealed so far`),
    });
    for (const r of results)
      console.log(
        `${r.table}: ${r.resealed} re-sealed, ${r.failed} could not be opened${r.failed ? ` (ids: ${r.failedIds.slice(0, 20).join(', ')}${r.failed > 20 ? ', …' : ''})` : ''}`,
      );
    const reindex = await reindexContactPhones(db.system, config);
    console.log(`contacts: ${reindex.reindexed} moved to their workspace's blind index, ${reindex.failedIds.length} could not be opened`);
    if (results.some((r) => r.failed) || reindex.failedIds.length) process.exitCode = 2;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
