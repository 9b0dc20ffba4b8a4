import type Redis from 'ioredis';
import type { Knex } from 'knex';
import { appendRealtimeEvent, pruneRealtimeEvents } from '../../db/system/realtime-log';
import type { TPublishedEvent, TRealtimeEvent } from '../../domain/realtime';

export const REALTIME_CHANNEL = 'aerostic_events';

/** One prune per this many events keeps the log at about a day without a scheduler. */
const PRUNE_EVERY = 500;

/**
 * Appends to the tenant's catch-up log and publishes to every API node: through Postgres NOTIFY
 * when no Redis client is given (it already connects the worker and API processes), else through
 * Redis pub/sub, after the commit so a relayed event is always readable from the log.
 */
export async function publishEvent(system: Knex, event: TRealtimeEvent, redis?: Redis): Promise<TPublishedEvent> {
  const { message, id } = await appendRealtimeEvent(system, event, { notifyChannel: redis ? undefined : REALTIME_CHANNEL });
  const published: TPublishedEvent = message;
  if (redis) await redis.publish(REALTIME_CHANNEL, JSON.stringify(published));
  // A failed prune loses nothing: the next one deletes the same prefix.
  if (id % PRUNE_EVERY === 0) await pruneRealtimeEvents(system).catch(() => undefined);
  return published;
}

/** For wiring: the publisher of a process, bound to its connections. */
export function createEventPublisher(system: Knex, redis?: Redis) {
  return (event: TRealtimeEvent) => publishEvent(system, event, redis);
}
