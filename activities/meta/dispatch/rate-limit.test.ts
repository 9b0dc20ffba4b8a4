import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createNumberRateLimiter, takeSendToken } from './rate-limit';

describe('takeSendToken', () => {
  it('waits briefly for the next slot when the number is at its rate', async () => {
    const limiter = new RateLimiterMemory({ points: 2, duration: 0.3 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await takeSendToken(limiter, 'pn', 2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('hands a longer wait to Temporal as a retryable failure with the delay', async () => {
    const limiter = createNumberRateLimiter(1);
    await takeSendToken(limiter, 'pn', 0);
    const err = await takeSendToken(limiter, 'pn', 0).catch((e) => e);
    expect(err).toMatchObject({ type: 'rate_limited', nonRetryable: false });
    expect(err.nextRetryDelay).toBeGreaterThan(0);
    expect(err.nextRetryDelay).toBeLessThanOrEqual(1_000);
  });

  it('keeps one bucket per number', async () => {
    const limiter = createNumberRateLimiter(1);
    await takeSendToken(limiter, 'a', 0);
    await expect(takeSendToken(limiter, 'b', 0)).resolves.toBeUndefined();
  });
});
