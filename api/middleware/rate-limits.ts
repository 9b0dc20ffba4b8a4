import type { Middleware } from 'koa';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../domain/errors';
import type { AppConfig } from '../../config';
import { declareErrors } from '../openapi/route-statuses';

export interface RateLimiters {
  /** Per client address and route: login, sign-up, refresh. */
  auth: RateLimiterAbstract;
  /** Per phone number: how many codes may be sent to one phone in an hour. */
  otp: RateLimiterAbstract;
}

/** In Redis when configured, so every API node counts against the same limits; else per process. */
export function createRateLimiters(limits: AppConfig['rateLimits'], redis?: Redis): RateLimiters {
  const make = (keyPrefix: string, points: number, duration: number) =>
    redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }) : new RateLimiterMemory({ keyPrefix, points, duration });
  return { auth: make('auth', limits.authPerMinute, 60), otp: make('otp', limits.otpPerHour, 3600) };
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

export function limitByClient(limiter: RateLimiterAbstract): Middleware {
  const limit: Middleware = async (ctx, next) => {
    await consumeOrRefuse(limiter, `${ctx.ip}:${ctx.path}`, 'Too many attempts; wait a minute and try again');
    await next();
  };
  return declareErrors(limit, ['rate_limited']);
}
