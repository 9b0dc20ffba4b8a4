import type { Client } from '@temporalio/client';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import type { PlatformNotifier } from '../integrations/notifications/platform-notifier';

/** Everything the API needs, passed in explicitly so tests build the same app against the real stack. */
export interface ApiDeps {
  config: AppConfig;
  db: Database;
  temporal: Client;
  logger: Logger;
  notifier: PlatformNotifier;
  /** Present when REDIS_URL is configured (rate limits shared by every API node). */
  redis?: Redis;
}
