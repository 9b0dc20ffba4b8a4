import { loadConfig } from '../config';
import { createDatabase } from '../db/connection';
import { createPlatformNotifier } from '../integrations/notifications/platform-notifier';
import { createLogger } from '../infra/logger';
import { startServer } from './server';
import { createTemporalClient } from '../infra/temporal/client';
import { platformNotificationActor } from '../actors/platform-notification';
import { connectRedis } from '../infra/redis';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDatabase(config.databaseUrl, { appUrl: config.databaseAppUrl });
  const redis = connectRedis(config.redisUrl);
  const temporal = await createTemporalClient(config.temporal, config.encryptionKeys);
  const running = await startServer({ config, db, temporal, logger, notifier: createPlatformNotifier(db.system, platformNotificationActor({ temporal, config }).deliver), redis });
  logger.info({ port: config.port, sandbox: config.sandbox }, 'api listening');

  const shutdown = async () => {
    logger.info('api stopping');
    await running.close();
    await temporal.connection.close();
    await db.destroy();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
