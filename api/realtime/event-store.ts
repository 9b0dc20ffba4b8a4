import type { Knex } from 'knex';
import { latestRealtimeSeq, realtimeEventsAfter, realtimePrunedThrough } from '../../db/realtime/events';
import { withTenant } from '../../db/tenant-transaction';
import type { TLoggedRealtimeEvent } from '../../domain/realtime';

export type LoggedEvent = TLoggedRealtimeEvent;

/** Reads of the catch-up log, as the tenant (RLS): a cursor can never reach another tenant's events. */
export interface EventStore {
  latestSeq(tenantId: string): Promise<number>;
  /** Events with after < seq <= upTo (when given), oldest first. */
  eventsAfter(tenantId: string, after: number, limit: number, upTo?: number): Promise<LoggedEvent[]>;
  /** Events at or before this seq may have been pruned. */
  prunedThrough(tenantId: string): Promise<number>;
}

export function createEventStore(app: Knex): EventStore {
  return {
    latestSeq: (tenantId) => withTenant(app, tenantId, (trx) => latestRealtimeSeq(trx, tenantId)),
    async eventsAfter(tenantId, after, limit, upTo) {
      const events = await withTenant(app, tenantId, (trx) => realtimeEventsAfter(trx, tenantId, after, limit, upTo));
      // The log holds only what the publisher wrote, so its names and payloads are the contract's.
      return events as LoggedEvent[];
    },
    prunedThrough: (tenantId) => withTenant(app, tenantId, (trx) => realtimePrunedThrough(trx, tenantId)),
  };
}
