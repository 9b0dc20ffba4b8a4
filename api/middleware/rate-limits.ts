import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../domain/errors';
import type { AppConfig } from '../../config';

/** Limits on what a request causes, not on the request itself (those are route throttles, `api/http/throttle.ts`). */
export interface RateLimiters {
  /** Per phone number: how many codes may be sent to one phone in an hour. */
  otp: RateLimiterAbstract;
}

/** In Redis when configured, so every API node counts against the same limits; else per process. */
export function createRateLimiters(limits: AppConfig['rateLimits'], redis?: Redis): RateLimiters {
  const make = (keyPrefix: string, points: number, duration: number) =>
    redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }) : new RateLimiterMemory({ keyPrefix, points, duration });
  return { otp: make('otp', limits.otpPerHour, 3600) };
}

export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const retryAfter = String(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    throw new AppError('rate_limited', message, { headers: { 'Retry-After': retryAfter } });
  }
}
