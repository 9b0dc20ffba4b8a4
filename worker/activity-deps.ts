import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import type { ActivityDeps } from '../activities';
import { createPlatformNotifier } from '../integrations/notifications/platform-notifier';
import { createRazorpayClient } from '../integrations/razorpay/client';
import { createGraphClient } from '../integrations/meta/graph-client';
import type Redis from 'ioredis';
import { createDispatcher, createNumberRateLimiter } from '../activities/meta/dispatch';
import { createPlatformSender } from '../activities/meta/dispatch/platform-sender';

/** The one place activity dependencies are assembled, for the worker process and the test harness. */
export function createActivityDeps(config: AppConfig, db: Database, redis?: Redis): ActivityDeps {
  const limiter = redis ? createNumberRateLimiter(config.conversations.metaRatePerSecond, redis) : undefined;
  const graph = createGraphClient(config.meta);
  const platformSender = createPlatformSender({
    system: db.system,
    graph,
    platform: config.platform,
    limiter: limiter ?? createNumberRateLimiter(config.conversations.metaRatePerSecond),
  });
  return {
    db,
    // Activities (trial reminders) deliver in place: they are already retried by Temporal.
    notifier: createPlatformNotifier(db.system, platformSender.configured ? platformSender.deliver : undefined),
    platformSender,
    razorpay: createRazorpayClient(config.razorpay),
    razorpayConfig: config.razorpay,
    whatsapp: { meta: config.meta, encryptionKeys: config.encryptionKeys, blindIndexKey: config.blindIndexKey },
    config,
    redis,
    dispatcher: createDispatcher({
      db,
      graph,
      encryptionKeys: config.encryptionKeys,
      ratePerSecond: config.conversations.metaRatePerSecond,
      // Shared through Redis when configured, so N workers together keep each number's rate.
      ...(limiter ? { redisUrl: config.redisUrl, limiter } : {}),
    }),
  };
}
