import Redis from 'ioredis';
import request from 'supertest';
import { createNumberRateLimiter } from '../../activities/meta/dispatch';
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
