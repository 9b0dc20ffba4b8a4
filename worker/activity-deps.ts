import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import type { ActivityDeps } from '../activities';
import { createPlatformNotifier } from '../activities/notifications/platform-notifier';
import { createRazorpayClient } from '../activities/razorpay/client';
import { createGraphClient } from '../activities/meta/graph-client';
import type Redis from 'ioredis';
import { createDispatcher, createNumberRateLimiter } from '../activities/meta/dispatch';

/** The one place activity dependencies are assembled, for the worker process and the test harness. */
export function createActivityDeps(config: AppConfig, db: Database, redis?: Redis): ActivityDeps {
  return {
    db,
    notifier: createPlatformNotifier(db.system),
    razorpay: createRazorpayClient(config.razorpay),
    razorpayConfig: config.razorpay,
    whatsapp: { meta: config.meta, encryptionKeys: config.encryptionKeys, blindIndexKey: config.blindIndexKey },
    config,
    redis,
    dispatcher: createDispatcher({
      db,
      graph: createGraphClient(config.meta),
      encryptionKeys: config.encryptionKeys,
      ratePerSecond: config.conversations.metaRatePerSecond,
      // Shared through Redis when configured, so N workers together keep each number's rate.
      ...(redis ? { redisUrl: config.redisUrl, limiter: createNumberRateLimiter(config.conversations.metaRatePerSecond, redis) } : {}),
    }),
  };
}
