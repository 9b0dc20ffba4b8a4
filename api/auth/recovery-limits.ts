import type { Middleware } from 'koa';
import { consumeOrRefuse, limitByClient, type RateLimiters } from '../middleware/rate-limits';

/**
 * Every throttle of the account-recovery routes, in one place: per client address (the auth limiter)
 * and per email address (the hourly limiter codes use), so neither many addresses from one client nor
 * one address from many clients can flood an inbox or guess tokens.
 */
export function recoveryLimits(limiters: RateLimiters): { perClient: Middleware[]; perAccount(email: string): Promise<void> } {
  return {
    perClient: [limitByClient(limiters.auth)],
    perAccount: (email) => consumeOrRefuse(limiters.otp, `mail:${email}`, 'Too many emails asked for this address; try again later'),
  };
}
