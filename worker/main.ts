import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../config';
import { createDatabase } from '../db/connection';
import { createLogger } from '../infra/logger';
import { workerEnv } from './config';
import { createActivityDeps } from './activity-deps';
import { connectRedis } from '../infra/redis';
import { createWorkers } from './create-workers';
import { ensureSchedules } from './schedules';
import { createTemporalClient } from '../infra/temporal/client';

async function main() {
  const config = loadConfig();
  // The SDK's own logs at WARN: state changes and webpack output are noise in the stack's console.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const logger = createLogger(config.logLevel);
  const db = createDatabase(config.databaseUrl, { appUrl: config.databaseAppUrl });
  const redis = connectRedis(config.redisUrl);
  const workers = await createWorkers(config, createActivityDeps(config, db, redis), { workflowBundlePath: workerEnv().workflowBundlePath });
  const client = await createTemporalClient(config.temporal, config.encryptionKeys);
  await ensureSchedules(client, config);
  await client.connection.close();
  process.once('SIGINT', () => workers.shutdown());
  process.once('SIGTERM', () => workers.shutdown());
  logger.info({ namespace: config.temporal.namespace }, 'worker running');
  await workers.run();
  await db.destroy();
  redis?.disconnect();
  logger.info('worker stopped');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
