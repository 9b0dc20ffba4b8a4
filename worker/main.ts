import { loadConfig } from '../config';
import { createDatabase } from '../db/connection';
import { createPlatformNotifier } from '../activities/notifications/platform-notifier';
import { createLogger } from '../api/logging/logger';
import { workerEnv } from './config';
import { createWorkers } from './create-workers';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDatabase(config.databaseUrl);
  const workers = await createWorkers(config, { db, notifier: createPlatformNotifier(db.system) }, { workflowBundlePath: workerEnv().workflowBundlePath });
  process.once('SIGINT', () => workers.shutdown());
  process.once('SIGTERM', () => workers.shutdown());
  logger.info({ namespace: config.temporal.namespace }, 'worker running');
  await workers.run();
  await db.destroy();
  logger.info('worker stopped');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
