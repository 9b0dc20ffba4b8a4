import type Redis from 'ioredis';
import type { Knex } from 'knex';
import { pruneRealtimeEvents } from './prune-events';

export const REALTIME_CHANNEL = 'aerostic_events';

export const realtimeEventNames = ['message.new', 'message.status', 'conversation.updated', 'contact.created', 'user.deactivated'] as const;

export interface RealtimeEvent {
  tenantId: string;
  event: (typeof realtimeEventNames)[number];
  /** Ids only: every API node re-reads what it relays, so no message text crosses the bus. */
  payload: Record<string, string | number | boolean | null>;
}

/**
 * What crosses the bus. `seq` counts this tenant's events only (1, 2, 3 …). `prevSeq` is the tenant's previous event, so an API node can tell an event
 * that follows the last one it relayed from one that arrived early (it then reads the log instead).
 */
export interface PublishedEvent extends RealtimeEvent {
  seq: number;
  prevSeq: number;
}

/** One prune per this many events keeps the log at about a day without a scheduler. */
const PRUNE_EVERY = 500;

/**
 * Appends to the tenant's catch-up log and publishes to every API node: through Postgres NOTIFY
 * when no Redis client is given (it already connects the worker and API processes), else through
 * Redis pub/sub, after the commit so a relayed event is always readable from the log.
 */
export async function publishEvent(system: Knex, event: RealtimeEvent, redis?: Redis): Promise<PublishedEvent> {
  let globalId = 0;
  const published = await system.transaction(async (trx) => {
    // Per tenant, seq order must equal commit order, or a reader could pass a seq that commits later.
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`realtime:${event.tenantId}`]);
    // The tenant's own sequence; after a prune emptied its log, it goes on from the horizon.
    const { rows } = await trx.raw(
      `select greatest(
         (select max(seq) from realtime_events where tenant_id = :tenant),
         (select pruned_through from realtime_tenant_horizon where tenant_id = :tenant),
         0) as prev`,
      { tenant: event.tenantId },
    );
    const prevSeq = Number(rows[0].prev);
    const [row] = await trx('realtime_events').insert({ tenant_id: event.tenantId, seq: prevSeq + 1, event: event.event, payload: event.payload }).returning(['id', 'seq']);
    globalId = Number(row.id);
    const message: PublishedEvent = { ...event, seq: Number(row.seq), prevSeq };
    if (!redis) await trx.raw('select pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(message)]);
    return message;
  });
  if (redis) await redis.publish(REALTIME_CHANNEL, JSON.stringify(published));
  // A failed prune loses nothing: the next one deletes the same prefix.
  if (globalId % PRUNE_EVERY === 0) await pruneRealtimeEvents(system).catch(() => undefined);
  return published;
}

/** For wiring: the publisher of a process, bound to its connections. */
export function createEventPublisher(system: Knex, redis?: Redis) {
  return (event: RealtimeEvent) => publishEvent(system, event, redis);
}
