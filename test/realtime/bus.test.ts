import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import Redis from 'ioredis';
import pino from 'pino';
import type { TPublishedEvent as PublishedEvent, TRealtimeEvent as RealtimeEvent } from '../../domain/realtime';
import { publishEvent } from '../../infra/realtime/publish-event';
import { pruneRealtimeEvents } from '../../db/system/realtime-log';
import { listenPostgresBus } from '../../api/realtime/bus/postgres-listener';
import { subscribeRedisBus } from '../../api/realtime/bus/redis-subscriber';
import type { EventBus } from '../../api/realtime/bus/bus-message';
import { createEventStore } from '../../api/realtime/event-store';
import { eventually } from '../support/eventually';
import { registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestRedis, type TestRedis } from '../support/redis-server';

const logger = pino({ level: 'silent' });
let app: TestApp;
let redis: TestRedis;
let tenants: [string, string];
beforeAll(async () => {
  [app, redis] = await Promise.all([startTestApp({ withoutWorker: true }), startTestRedis()]);
  tenants = [(await registerTenant(app.url)).tenant.id, (await registerTenant(app.url)).tenant.id];
});
afterAll(async () => {
  await app?.stop();
  await redis?.stop();
});

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return port;
}

const event = (tenantId: string, n: number): RealtimeEvent => ({ tenantId, event: 'message.new', payload: { conversationId: randomUUID(), messageId: `m${n}` } });

function collector() {
  const seen: PublishedEvent[] = [];
  let resumes = 0;
  return { seen, resumes: () => resumes, handlers: { onEvent: (m: PublishedEvent) => seen.push(m), onResume: () => void resumes++ } };
}

describe('the realtime bus', () => {
  it('Postgres: each event is logged with a seq and NOTIFYed with its tenant’s previous seq', async () => {
    const got = collector();
    const bus = await listenPostgresBus(app.config.databaseUrl, got.handlers, logger);
    try {
      const [t1, t2] = tenants;
      const published: PublishedEvent[] = [];
      for (const [i, t] of [t1, t2, t1, t1].entries()) published.push(await publishEvent(app.db.system, event(t, i)));
      expect(published[2].prevSeq).toBe(published[0].seq);
      expect(published[3].prevSeq).toBe(published[2].seq);
      expect(published[3].seq).toBeGreaterThan(published[2].seq);
      await eventually(async () => expect(got.seen.filter((m) => tenants.includes(m.tenantId))).toEqual(published));
    } finally {
      await bus.close();
    }
  });

  it('the log is read as the tenant: another tenant’s events are invisible', async () => {
    const [t1, t2] = tenants;
    const mine = await publishEvent(app.db.system, event(t1, 10));
    const theirs = await publishEvent(app.db.system, event(t2, 11));
    const store = createEventStore(app.db.app);
    const seen = await store.eventsAfter(t1, mine.seq - 1, 100);
    expect(seen.map((e) => e.seq)).toContain(mine.seq);
    expect(seen.map((e) => e.seq)).not.toContain(theirs.seq);
    expect(await store.latestSeq(t2)).toBeGreaterThanOrEqual(theirs.seq);
    await expect(app.db.app('realtime_events').select('seq')).resolves.toEqual([]);
  });

  it('Redis: given a client, the publisher publishes there after logging', async () => {
    const [client, got] = [new Redis(redis.url), collector()];
    const bus = await subscribeRedisBus(client, got.handlers, logger);
    try {
      const published = await publishEvent(app.db.system, event(tenants[0], 20), client);
      await eventually(async () => expect(got.seen).toContainEqual(published));
      const logged = await createEventStore(app.db.app).eventsAfter(tenants[0], published.seq - 1, 1);
      expect(logged).toEqual([{ seq: published.seq, event: 'message.new', payload: published.payload }]);
    } finally {
      await bus.close();
      client.disconnect();
    }
  });

  it('Postgres: a lost LISTEN connection is replaced, and the relay is told to re-read', async () => {
    const name = `realtime-test-${randomUUID().slice(0, 8)}`;
    const url = new URL(app.config.databaseUrl);
    url.searchParams.set('application_name', name);
    const got = collector();
    const bus: EventBus = await listenPostgresBus(url.toString(), got.handlers, logger);
    try {
      expect(got.resumes()).toBe(1);
      await app.db.system.raw('select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?', [name]);
      await eventually(async () => expect(got.resumes()).toBe(2));
      const published = await publishEvent(app.db.system, event(tenants[1], 30));
      await eventually(async () => expect(got.seen).toContainEqual(published));
    } finally {
      await bus.close();
    }
  });

  it('Postgres: an unreachable database does not stop the API starting; the bus keeps trying', async () => {
    // The database sits behind a port where nothing listens yet; a forwarder to it opens there later.
    const port = await freePort();
    const target = new URL(app.config.databaseUrl);
    const url = new URL(app.config.databaseUrl);
    url.host = `127.0.0.1:${port}`;
    const got = collector();
    const bus = await listenPostgresBus(url.toString(), got.handlers, logger);
    const forwarder = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    try {
      expect(got.resumes()).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      await new Promise<void>((listening) => forwarder.listen(port, '127.0.0.1', listening));
      await eventually(async () => expect(got.resumes()).toBe(1));
      const published = await publishEvent(app.db.system, event(tenants[1], 35));
      await eventually(async () => expect(got.seen).toContainEqual(published));
    } finally {
      await bus.close();
      forwarder.close();
    }
  });

  it('seq counts each tenant’s own events: another tenant’s activity leaves no gap to count', async () => {
    const [t1, t2] = tenants;
    const a = await publishEvent(app.db.system, event(t1, 50));
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await publishEvent(app.db.system, event(t2, 51 + i)));
    const b = await publishEvent(app.db.system, event(t1, 54));
    expect(b.seq).toBe(a.seq + 1);
    expect(b.prevSeq).toBe(a.seq);
    expect(others.map((o) => o.seq)).toEqual([others[0].seq, others[0].seq + 1, others[0].seq + 2]);
    const store = createEventStore(app.db.app);
    expect(await store.latestSeq(t1)).toBe(b.seq);
    expect((await store.eventsAfter(t1, a.seq - 1, 10)).map((e) => e.seq)).toEqual([a.seq, b.seq]);
  });

  it('pruning deletes a prefix of seq older than the retention, records each tenant’s horizon, and seq goes on from it', async () => {
    const [t1] = tenants;
    const old = await publishEvent(app.db.system, event(t1, 40));
    const kept = await publishEvent(app.db.system, event(t1, 41));
    // In a rolled-back transaction: the log and its horizon are shared by every test running now.
    await app.db.system
      .transaction(async (trx) => {
        const { id: oldId } = (await trx('realtime_events').where({ tenant_id: t1, seq: old.seq }).first('id'))!;
        await trx('realtime_events')
          .where('id', '<=', oldId)
          .update({ created_at: trx.raw("now() - interval '2 days'") });
        expect(await pruneRealtimeEvents(trx, '1 day')).toBeGreaterThanOrEqual(1);
        expect(await trx('realtime_tenant_horizon').where({ tenant_id: t1 }).first()).toEqual({ tenant_id: t1, pruned_through: String(old.seq) });
        expect(await trx('realtime_events').where({ tenant_id: t1 }).where('seq', '<=', old.seq).count({ n: '*' })).toEqual([{ n: '0' }]);
        expect(await trx('realtime_events').where({ tenant_id: t1, seq: kept.seq }).first()).toBeDefined();
        // With the whole log of the tenant gone, its next event still follows the last one.
        await trx('realtime_events').where({ tenant_id: t1 }).delete();
        await trx('realtime_tenant_horizon').where({ tenant_id: t1 }).update({ pruned_through: kept.seq });
        expect((await publishEvent(trx, event(t1, 42))).seq).toBe(kept.seq + 1);
        throw new Error('rollback');
      })
      .catch((err: Error) => expect(err.message).toBe('rollback'));
  });
});
