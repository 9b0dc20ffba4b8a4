import type Redis from 'ioredis';
import type { Knex } from 'knex';
import { appendRealtimeEvent, pruneRealtimeEvents } from '../../db/system/realtime-log';

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
  const { message, id } = await appendRealtimeEvent(system, event, { notifyChannel: redis ? undefined : REALTIME_CHANNEL });
  const published: PublishedEvent = message;
  if (redis) await redis.publish(REALTIME_CHANNEL, JSON.stringify(published));
  // A failed prune loses nothing: the next one deletes the same prefix.
  if (id % PRUNE_EVERY === 0) await pruneRealtimeEvents(system).catch(() => undefined);
  return published;
}

/** For wiring: the publisher of a process, bound to its connections. */
export function createEventPublisher(system: Knex, redis?: Redis) {
  return (event: RealtimeEvent) => publishEvent(system, event, redis);
}
