import Redis from 'ioredis';
import request from 'supertest';
import { createNumberRateLimiter } from '../../activities/meta/dispatch';
import { ThrottleBucket } from '../../api/http/throttle-bucket';
import type { AppError } from '../../domain/errors';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('limits shared through Redis', () => {
  it('two workers draw from one per-number token bucket', async () => {
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    try {
      const workerA = createNumberRateLimiter(5, a);
      const workerB = createNumberRateLimiter(5, b);
      for (let i = 0; i < 3; i++) await workerA.consume('1065403522');
      const seenByB = await workerB.consume('1065403522');
      expect(seenByB.remainingPoints).toBe(1);
      await workerB.consume('1065403522');
      await expect(workerA.consume('1065403522')).rejects.toMatchObject({ remainingPoints: 0 });
      // Another number has its own bucket.
      expect((await workerA.consume('2000000000')).remainingPoints).toBe(4);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('two API nodes share a lockout, and it doubles whichever node the key comes back to', async () => {
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    try {
      const name = `shared-${Date.now()}`;
      const options = { points: 1, windowSeconds: 1, lockoutMaxSeconds: 8 };
      const [nodeA, nodeB] = [new ThrottleBucket(name, options, a), new ThrottleBucket(name, options, b)];
      const retryAfter = (p: Promise<void>) =>
        p.then(
          () => 0,
          (err: AppError) => Number(err.headers?.['Retry-After']),
        );
      await nodeA.take('POST /auth/login|ip:203.0.113.7', 'x');
      expect(await retryAfter(nodeB.take('POST /auth/login|ip:203.0.113.7', 'x'))).toBe(1);
      await new Promise((r) => setTimeout(r, 1200));
      await nodeB.take('POST /auth/login|ip:203.0.113.7', 'x');
      expect(await retryAfter(nodeA.take('POST /auth/login|ip:203.0.113.7', 'x'))).toBe(2);
      expect(await a.keys('throttle:*')).not.toHaveLength(0);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('two API nodes count auth attempts together, and /readyz checks Redis', async () => {
    const env = { REDIS_URL: redis.url, AUTH_RATE_LIMIT_PER_MINUTE: '3' };
    const nodes: TestApp[] = [await startTestApp({ env, withoutWorker: true }), await startTestApp({ env, withoutWorker: true })];
    try {
      const attempt = (node: TestApp) => request(node.url).post('/auth/login').send({ email: 'shared@example.com', password: 'wrong password 1' });
      const statuses = [];
      for (const node of [nodes[0], nodes[1], nodes[0], nodes[1]]) statuses.push((await attempt(node)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const ready = await request(nodes[0].url).get('/readyz').expect(200);
      expect(ready.body.checks).toEqual({ postgres: 'ok', temporal: 'ok', redis: 'ok' });
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });
});
