import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../domain/errors';

export interface BucketOptions {
  /** Attempts allowed per key in a window. */
  points: number;
  windowSeconds: number;
  /** Lockouts double with each one a key earns (within a day), up to this many seconds; absent: no lockout beyond the window. */
  lockoutMaxSeconds?: number;
}

const STRIKE_MEMORY_SECONDS = 86_400;

/**
 * A counter per key over a fixed window, kept in Redis when given (every API node counts together),
 * else in this process. A key that runs out is locked out, each time twice as long as the last.
 */
export class ThrottleBucket {
  private readonly attempts: RateLimiterAbstract;
  private readonly strikes?: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly options: BucketOptions,
    redis?: Redis,
  ) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }) : new RateLimiterMemory({ keyPrefix, points, duration });
    this.attempts = make(`throttle:${name}`, options.points, options.windowSeconds);
    if (options.lockoutMaxSeconds) this.strikes = make(`throttle:${name}:strikes`, Number.MAX_SAFE_INTEGER, STRIKE_MEMORY_SECONDS);
  }

  /** Counts one attempt for `key`, or refuses with 429 `rate_limited` and a Retry-After. */
  async take(key: string, message: string): Promise<void> {
    try {
      await this.attempts.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      // Only the attempt that crosses the limit escalates; the ones refused during a lockout just wait it out.
      const seconds = res.consumedPoints === this.options.points + 1 ? await this.lockOut(key) : res.msBeforeNext / 1000;
      throw new AppError('rate_limited', message, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) } });
    }
  }

  /** Gives an attempt back (it succeeded), unless the key is already locked out. */
  async refund(key: string): Promise<void> {
    const current = await this.attempts.get(key);
    if (current && current.consumedPoints > 0 && current.consumedPoints <= this.options.points) await this.attempts.reward(key);
  }

  private async lockOut(key: string): Promise<number> {
    if (!this.strikes || !this.options.lockoutMaxSeconds) return this.options.windowSeconds;
    const { consumedPoints } = await this.strikes.penalty(key, 1);
    const seconds = Math.min(this.options.windowSeconds * 2 ** (consumedPoints - 1), this.options.lockoutMaxSeconds);
    await this.attempts.block(key, seconds);
    return seconds;
  }
}
