import { randomUUID } from 'node:crypto';
import type { TPublishedEvent as PublishedEvent } from '../../domain/realtime';
import { publishEvent } from '../../infra/realtime/publish-event';
import { createEventStore } from '../../api/realtime/event-store';
import { eventually } from '../support/eventually';
import { registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { openSocket, ready, type TestSocket } from './socket-client';

let app: TestApp;
let t: RegisteredTenant;
let phoneNumberId: string;
const clients: TestSocket[] = [];
const open = (auth: Record<string, unknown>) => {
  const client = openSocket(app.url, { token: t.accessToken, ...auth });
  clients.push(client);
  return client;
};
beforeAll(async () => {
  app = await startTestApp();
  t = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, t.tenant.id)).phoneNumberId;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await app?.meta.idle();
  await app?.stop();
});

const loggedAfter = async (seq: number) => (await createEventStore(app.db.app).eventsAfter(t.tenant.id, seq, 10_000)).map((e) => e.seq);
const direct = (): Promise<PublishedEvent> =>
  publishEvent(app.db.system, { tenantId: t.tenant.id, event: 'conversation.updated', payload: { conversationId: randomUUID(), change: 'resolve' } });

describe('catch-up by cursor', () => {
  it('a socket reconnecting with auth.lastSeq gets what it missed, in order, then live events, each once', async () => {
    const first = open({});
    await ready(first);
    await app.meta.customer(phoneNumberId).send(customerWaId(), 'before the tunnel');
    await eventually(async () => expect(first.seqs().length).toBeGreaterThanOrEqual(1));
    const lastSeq = first.seqs().at(-1)!;
    first.close();

    // While disconnected: real inbound messages (message.new + contact.created each) through the worker.
    for (const text of ['in the tunnel', 'still in it']) await app.meta.customer(phoneNumberId).send(customerWaId(), text);
    const missed = await eventually(async () => {
      const seqs = await loggedAfter(lastSeq);
      expect(seqs.length).toBeGreaterThanOrEqual(4);
      return seqs;
    });

    // Events keep coming while it reconnects: the boundary between replay and live must hold.
    const again = open({ lastSeq });
    const racing = Promise.all(Array.from({ length: 10 }, direct));
    const { seq: readyAt } = await ready(again);
    await racing;
    const after = [await direct(), await direct()];
    const expected = await loggedAfter(lastSeq);
    await eventually(async () => expect(again.seqs()).toEqual(expected));

    expect(expected.slice(0, missed.length)).toEqual(missed);
    const readyIndex = again.received.findIndex((r) => r.event === 'realtime.ready');
    const replayed = again.received.slice(0, readyIndex).map((r) => r.data.seq);
    expect(replayed).toEqual(expected.filter((s) => s <= readyAt));
    expect(again.received.slice(readyIndex + 1).map((r) => r.data.seq)).toEqual(expected.filter((s) => s > readyAt));
    expect(expected.slice(-2)).toEqual(after.map((e) => e.seq));
  });

  it('a connected socket can ask again with the catchup event and a cursor', async () => {
    const client = open({});
    const { seq: start } = await ready(client);
    const published = [await direct(), await direct(), await direct()];
    await eventually(async () => expect(client.seqs()).toEqual(published.map((e) => e.seq)));
    const answer = await client.socket.timeout(10_000).emitWithAck('catchup', { lastSeq: published[0].seq });
    expect(answer).toEqual({ seq: expect.any(Number) });
    expect(answer.seq).toBeGreaterThanOrEqual(published[2].seq);
    const replay = client.seqs().slice(3);
    expect(replay).toEqual((await loggedAfter(published[0].seq)).filter((s) => s <= answer.seq));
    expect(start).toBeLessThan(published[0].seq);
    const refused = await client.socket.timeout(10_000).emitWithAck('catchup', { lastSeq: -1 });
    expect(refused).toEqual({ error: { code: 'validation_failed', message: expect.any(String) } });
  });
});
