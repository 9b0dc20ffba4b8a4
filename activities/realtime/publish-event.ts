import type { Knex } from 'knex';

export const REALTIME_CHANNEL = 'aerostic_events';

export interface RealtimeEvent {
  tenantId: string;
  event: 'message.new' | 'message.status' | 'conversation.updated' | 'contact.created';
  /** Ids only: every API node re-reads what it relays, so no message text crosses the bus. */
  payload: Record<string, string | number | boolean | null>;
}

/**
 * Publishes to every API node. Postgres NOTIFY is the bus when no Redis is configured: it already
 * connects the worker and API processes, with no extra service to run.
 */
export async function publishEvent(system: Knex, event: RealtimeEvent): Promise<void> {
  await system.raw('select pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(event)]);
}
