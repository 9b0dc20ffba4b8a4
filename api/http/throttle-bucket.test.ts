import { AppError } from '../../domain/errors';
import { ThrottleBucket } from './throttle-bucket';
import { accountKeys } from './throttle';

async function refusal(bucket: ThrottleBucket, key: string): Promise<number> {
  const err = await bucket.take(key, 'slow down').then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError) || err.code !== 'rate_limited') throw new Error(`expected rate_limited, got ${String(err)}`);
  return Number(err.headers?.['Retry-After']);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ThrottleBucket', () => {
  it('refuses past the limit, and each lockout of a key lasts twice the last', async () => {
    const bucket = new ThrottleBucket(`unit-${Date.now()}`, { points: 2, windowSeconds: 1, lockoutMaxSeconds: 4 });
    const lockouts: number[] = [];
    for (let round = 0; round < 3; round++) {
      await bucket.take('k', 'slow down');
      await bucket.take('k', 'slow down');
      const seconds = await refusal(bucket, 'k');
      lockouts.push(seconds);
      // Knocking during the lockout neither extends nor escalates it.
      expect(await refusal(bucket, 'k')).toBeLessThanOrEqual(seconds);
      await sleep(seconds * 1000 + 150);
    }
    expect(lockouts).toEqual([1, 2, 4]);
    // Another key was never touched by any of it.
    await bucket.take('other', 'slow down');
  }, 15_000);

  it('caps the lockout', async () => {
    const bucket = new ThrottleBucket(`unit-cap-${Date.now()}`, { points: 1, windowSeconds: 1, lockoutMaxSeconds: 1 });
    await bucket.take('k', 'x');
    expect(await refusal(bucket, 'k')).toBe(1);
    await sleep(1150);
    await bucket.take('k', 'x');
    expect(await refusal(bucket, 'k')).toBe(1);
  });

  it('a refunded (successful) attempt does not count, but a locked key stays locked', async () => {
    const bucket = new ThrottleBucket(`unit-refund-${Date.now()}`, { points: 2, windowSeconds: 60, lockoutMaxSeconds: 60 });
    for (let i = 0; i < 5; i++) {
      await bucket.take('ok', 'x');
      await bucket.refund('ok');
    }
    await bucket.take('bad', 'x');
    await bucket.take('bad', 'x');
    await refusal(bucket, 'bad');
    await bucket.refund('bad');
    await refusal(bucket, 'bad');
  });
});

describe('accountKeys', () => {
  const secret = Buffer.alloc(32, 7);
  it('one key per account whatever its spelling, and never the address itself', () => {
    const [a] = accountKeys(secret, { email: 'Owner@Example.com ' }, ['email']);
    const [b] = accountKeys(secret, { email: 'owner@example.com' }, ['email']);
    expect(a).toBe(b);
    expect(a).not.toContain('owner');
    expect(accountKeys(secret, { phone: '+91 98765-43210' }, ['phone'])).toEqual(accountKeys(secret, { phone: '919876543210' }, ['phone']));
    expect(accountKeys(secret, { email: 42, phone: '' }, ['email', 'phone'])).toEqual([]);
    expect(accountKeys(secret, undefined, ['email'])).toEqual([]);
  });
});
