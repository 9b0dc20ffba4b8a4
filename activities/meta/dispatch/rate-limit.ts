import { ApplicationFailure } from '@temporalio/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { activitySleep } from './activity-context';

/**
 * The per-number token bucket. Pass a Redis client (ioredis or node-redis) to share it between
 * workers; without one it is per process, which is right only for a single worker.
 */
export function createNumberRateLimiter(ratePerSecond: number, redisClient?: unknown): RateLimiterAbstract {
  const options = { keyPrefix: 'meta_send', points: ratePerSecond, duration: 1 };
  return redisClient ? new RateLimiterRedis({ ...options, storeClient: redisClient }) : new RateLimiterMemory(options);
}

/**
 * Takes one send token for the number. Short waits happen here; a longer one goes back to Temporal
 * as a retryable `rate_limited` failure, so a busy number does not hold worker slots.
 */
export async function takeSendToken(limiter: RateLimiterAbstract, phoneNumberId: string, maxWaitMs: number): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    try {
      await limiter.consume(phoneNumberId);
      return;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const waitMs = Math.max(1, res.msBeforeNext);
      if (Date.now() + waitMs > deadline) {
        throw ApplicationFailure.create({ type: 'rate_limited', message: 'This number is at its sending rate; the message waits for the next slot', nextRetryDelay: waitMs });
      }
      await activitySleep(waitMs);
    }
  }
}
