import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { publishEvent } from '../../infra/realtime/publish-event';
import { eventually } from '../support/eventually';
import { registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { openSocket, ready, type TestSocket } from './socket-client';

let redis: TestRedis;
let nodeA: TestApp;
let nodeB: TestApp;
let t: RegisteredTenant;
const clients: TestSocket[] = [];
beforeAll(async () => {
  redis = await startTestRedis();
  const env = { REDIS_URL: redis.url };
  // Node A runs the worker; node B is an API node only.
  [nodeA, nodeB] = await Promise.all([startTestApp({ env }), startTestApp({ env, withoutWorker: true })]);
  t = await registerTenant(nodeA.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await nodeA?.meta.idle();
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  await redis?.stop();
});

const openOn = async (node: TestApp, auth: Record<string, unknown> = {}) => {
  const client = openSocket(node.url, { token: t.accessToken, ...auth });
  clients.push(client);
  await ready(client);
  return client;
};

describe('two API nodes sharing Redis', () => {
  it('a client on node B receives an event published on the worker side through Redis', async () => {
    const onB = await openOn(nodeB);
    const workerSide = new Redis(redis.url);
    try {
      const published = await publishEvent(
        nodeA.db.system,
        { tenantId: t.tenant.id, event: 'conversation.updated', payload: { conversationId: randomUUID(), change: 'resolve' } },
        workerSide,
      );
      await eventually(async () => expect(onB.received).toContainEqual({ event: 'conversation.updated', data: { ...published.payload, seq: published.seq } }));
    } finally {
      workerSide.disconnect();
    }
  });

  it('an inbound WhatsApp message handled by node A’s worker reaches a client on node B, once', async () => {
    const [onA, onB] = [await openOn(nodeA), await openOn(nodeB)];
    const { phoneNumberId } = await connectTestNumber(nodeA, t.tenant.id);
    await nodeA.meta.customer(phoneNumberId).send(customerWaId(), 'hello node B');
    for (const client of [onA, onB]) await eventually(async () => expect(client.received.filter((r) => r.event === 'message.new')).toHaveLength(1));
    expect(onB.seqs()).toEqual(onA.seqs());
  });

  it('the Redis adapter carries an emit made on node A to a socket held by node B', async () => {
    const onB = await openOn(nodeB);
    nodeA.realtime.io.to(`user:${t.user.id}`).emit('notice', { text: 'across nodes' });
    await eventually(async () => expect(onB.received).toContainEqual({ event: 'notice', data: { text: 'across nodes' } }));
    const sockets = await nodeA.realtime.io.in(`tenant:${t.tenant.id}`).fetchSockets();
    expect(sockets.map((s) => s.id)).toContain(onB.socket.id);
  });

  it('a client moving from node B to node A with its cursor misses nothing', async () => {
    const onB = await openOn(nodeB);
    const workerSide = new Redis(redis.url);
    try {
      const publish = () =>
        publishEvent(nodeA.db.system, { tenantId: t.tenant.id, event: 'conversation.updated', payload: { conversationId: randomUUID(), change: 'resolve' } }, workerSide);
      const seen = await publish();
      await eventually(async () => expect(onB.seqs()).toContain(seen.seq));
      onB.close();
      const missed = [await publish(), await publish()];
      const onA = await openOn(nodeA, { lastSeq: seen.seq });
      expect(onA.seqs()).toEqual(missed.map((e) => e.seq));
    } finally {
      workerSide.disconnect();
    }
  });
});
