import type { Knex } from 'knex';
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
    async latestSeq(tenantId) {
      const { rows } = await withTenant(app, tenantId, (trx) =>
        trx.raw(
          `select greatest((select max(seq) from realtime_events where tenant_id = :tenant),
                           (select pruned_through from realtime_tenant_horizon where tenant_id = :tenant), 0) as seq`,
          { tenant: tenantId },
        ),
      );
      return Number(rows[0].seq);
    },
    async eventsAfter(tenantId, after, limit, upTo) {
      const rows = await withTenant(app, tenantId, (trx) => {
        const query = trx('realtime_events').where({ tenant_id: tenantId }).andWhere('seq', '>', after).orderBy('seq').limit(limit).select('seq', 'event', 'payload');
        return upTo === undefined ? query : query.andWhere('seq', '<=', upTo);
      });
      return rows.map((r: { seq: string; event: LoggedEvent['event']; payload: LoggedEvent['payload'] }) => ({ seq: Number(r.seq), event: r.event, payload: r.payload }) as LoggedEvent);
    },
    async prunedThrough(tenantId) {
      const row = await withTenant(app, tenantId, (trx) => trx('realtime_tenant_horizon').where({ tenant_id: tenantId }).first('pruned_through'));
      return Number(row?.pruned_through ?? 0);
    },
  };
}
