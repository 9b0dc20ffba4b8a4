import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import type { TPublishedEvent as PublishedEvent, TRealtimeEvent as RealtimeEvent } from '../../domain/realtime';
import { publishEvent } from '../../infra/realtime/publish-event';
import { subscribeRedisBus } from '../../api/realtime/bus/redis-subscriber';
import { createEventStore, type EventStore } from '../../api/realtime/event-store';
import { TenantRelay } from '../../api/realtime/tenant-relay';
import { eventually } from '../support/eventually';
import { registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { FakeSocket, fakeRoomEmitter } from './fake-sockets';

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

const event = (tenantId: string): RealtimeEvent => ({ tenantId, event: 'message.status', payload: { conversationId: randomUUID(), messageId: randomUUID(), status: 'sent' } });
const tenantSeqs = async (tenantId: string, after: number) => (await createEventStore(app.db.app).eventsAfter(tenantId, after, 10_000)).map((e) => e.seq);

function relayWith(store: EventStore = createEventStore(app.db.app)) {
  const sockets: FakeSocket[] = [];
  const relay = new TenantRelay(store, fakeRoomEmitter(sockets), logger);
  const connect = async (tenantId: string, lastSeq?: number) => {
    const socket = new FakeSocket(tenantId);
    sockets.push(socket);
    await relay.attach(socket, lastSeq);
    return socket;
  };
  return { relay, connect };
}

describe('the tenant relay', () => {
  it('replays after the cursor, says ready, then relays live: in order, once each, own tenant only', async () => {
    const [t1, t2] = tenants;
    const { relay, connect } = relayWith();
    const before: PublishedEvent[] = [];
    for (let i = 0; i < 3; i++) before.push(await publishEvent(app.db.system, event(t1)));
    const socket = await connect(t1, before[0].seq);
    const other = await connect(t2);
    expect(socket.received.map((r) => r.event)).toEqual(['message.status', 'message.status', 'realtime.ready']);
    const live = [await publishEvent(app.db.system, event(t1)), await publishEvent(app.db.system, event(t2))];
    for (const m of live) relay.onBusEvent(m);
    relay.onBusEvent(live[0]);
    await eventually(async () => expect(socket.seqs()).toEqual([before[1].seq, before[2].seq, live[0].seq]));
    expect(socket.received[0].data).toEqual({ ...before[1].payload, seq: before[1].seq });
    await eventually(async () => expect(other.seqs()).toEqual([live[1].seq]));
  });

  it('an event that overtakes another on the bus makes the relay read the log in seq order', async () => {
    const [t1] = tenants;
    const { relay, connect } = relayWith();
    const socket = await connect(t1);
    const first = await publishEvent(app.db.system, event(t1));
    const second = await publishEvent(app.db.system, event(t1));
    relay.onBusEvent(second);
    relay.onBusEvent(first);
    await eventually(async () => expect(socket.seqs()).toEqual([first.seq, second.seq]));
  });

  it('a cursor older than the pruned horizon gets realtime.resync instead of a partial replay', async () => {
    const [t1] = tenants;
    const real = createEventStore(app.db.app);
    const published = await publishEvent(app.db.system, event(t1));
    const { connect } = relayWith({ ...real, prunedThrough: async () => published.seq });
    const socket = await connect(t1, published.seq - 1);
    expect(socket.received.map((r) => r.event)).toEqual(['realtime.resync', 'realtime.ready']);
    expect(socket.received[0].data).toEqual({ seq: expect.any(Number) });
  });

  it('under concurrent publishers over Redis, every socket gets exactly its tenant’s events after its cursor, in order', async () => {
    const [t1, t2] = tenants;
    const publisher = new Redis(redis.url);
    const { relay, connect } = relayWith();
    const bus = await subscribeRedisBus(publisher, { onEvent: (m) => relay.onBusEvent(m), onResume: () => relay.onBusResume() }, logger);
    try {
      const start = await publishEvent(app.db.system, event(t1), publisher);
      const sockets: FakeSocket[] = [];
      for (let round = 0; round < 4; round++) {
        const inFlight = Array.from({ length: 15 }, (_, i) => publishEvent(app.db.system, event(i % 3 === 0 ? t2 : t1), publisher));
        // Joins while publishes are in flight: the replay/live boundary is where a gap or a repeat would appear.
        sockets.push(await connect(t1, start.seq));
        await Promise.all(inFlight);
      }
      const expected = await tenantSeqs(t1, start.seq);
      for (const socket of sockets) await eventually(async () => expect(socket.seqs()).toEqual(expected));
      expect(expected.length).toBeGreaterThanOrEqual(40);
    } finally {
      await bus.close();
      publisher.disconnect();
    }
  });
});
