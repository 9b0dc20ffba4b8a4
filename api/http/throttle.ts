import { createHmac } from 'node:crypto';
import type { Middleware } from 'koa';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config';
import { ThrottleBucket } from './throttle-bucket';

/**
 * `auth`: sign-in, sign-up and recovery routes — failed attempts count (a success is given back),
 * per client address and per account, with doubling lockouts. `webhook`: a generous per-client
 * ceiling for the Meta and Razorpay callbacks, every request counted. `mail`: routes that send an
 * email or message whatever the outcome (password reset, verification resend) — every request counts,
 * since their answer is the same success for any address and a refund would leave them unlimited.
 */
export type ThrottlePolicy = 'auth' | 'webhook' | 'mail';
export type AccountField = 'email' | 'phone';

/** Declared on a route spec, e.g. `throttle: { policy: 'auth', account: ['email'] }`. */
export interface ThrottleSpec {
  policy: ThrottlePolicy;
  /** Body fields that name the account under attack; each gets a bucket of its own besides the client address's. */
  account?: readonly AccountField[];
}

export interface Throttles {
  /** `route` is the route as declared (`POST /auth/login`), so every spelling a router accepts shares one bucket. */
  middleware(route: string, spec: ThrottleSpec): Middleware;
}

const MESSAGES: Record<ThrottlePolicy, string> = {
  auth: 'Too many attempts; wait and try again',
  webhook: 'Too many requests; slow down',
  mail: 'Too many requests; wait and try again',
};

export function createThrottles(config: AppConfig, redis?: Redis): Throttles {
  const limits = config.rateLimits;
  const buckets: Record<ThrottlePolicy, ThrottleBucket> = {
    auth: new ThrottleBucket('auth', { points: limits.authPerMinute, windowSeconds: limits.windowSeconds, lockoutMaxSeconds: limits.lockoutMaxSeconds }, redis),
    webhook: new ThrottleBucket('webhook', { points: limits.webhookPerMinute, windowSeconds: limits.windowSeconds }, redis),
    mail: new ThrottleBucket('mail', { points: limits.authPerMinute, windowSeconds: limits.windowSeconds, lockoutMaxSeconds: limits.lockoutMaxSeconds }, redis),
  };
  return {
    middleware(route, spec) {
      const bucket = buckets[spec.policy];
      const refundsSuccess = spec.policy === 'auth';
      return async (ctx, next) => {
        const accounts = accountKeys(config.blindIndexKey, ctx.state.body, spec.account ?? []);
        const keys = [`ip:${ctx.ip}`, ...accounts].map((key) => `${route}|${key}`);
        for (const key of keys) await bucket.take(key, MESSAGES[spec.policy]);
        await next();
        if (refundsSuccess && ctx.status < 400) await Promise.all(keys.map((key) => bucket.refund(key)));
      };
    },
  };
}

/** Account buckets are keyed by a keyed hash, so Redis never holds an email or a phone number. */
export function accountKeys(secret: Buffer, body: unknown, fields: readonly AccountField[]): string[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const keys: string[] = [];
  for (const field of fields) {
    const raw = record[field];
    if (typeof raw !== 'string') continue;
    const normalized = field === 'email' ? raw.trim().toLowerCase() : raw.replace(/\D/g, '');
    if (!normalized) continue;
    keys.push(`${field}:${createHmac('sha256', secret).update(`${field}:${normalized}`).digest('hex').slice(0, 32)}`);
  }
  return keys;
}
