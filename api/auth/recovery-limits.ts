import { consumeOrRefuse, type RateLimiters } from '../middleware/rate-limits';

/**
 * The hourly mail budget per address (the limiter codes use), on top of the routes' throttles (per
 * client and per account, every request counted): one address can't be flooded from many clients.
 */
export function recoveryLimits(limiters: RateLimiters): { perAccount(email: string): Promise<void> } {
  return {
    perAccount: (email) => consumeOrRefuse(limiters.otp, `mail:${email}`, 'Too many emails asked for this address; try again later'),
  };
}
