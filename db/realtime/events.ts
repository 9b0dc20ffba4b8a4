import type { Knex } from 'knex';
import type { Insertable, Writable } from '../row-types';

/** bigint: pg returns it as a string; it is compared and written as a number too. */
type Bigint = string | number;

/** A `realtime_events` row: the catch-up log. */
export interface RealtimeEventRow {
  /** The log's global order (pruning cuts by it). */
  id: Bigint;
  tenant_id: string;
  /** The tenant's own sequence, what clients see. */
  seq: Bigint;
  event: string;
  payload: object;
  created_at: Date;
}

/** A `realtime_tenant_horizon` row: every event of the tenant at or before `pruned_through` may be gone. */
export interface RealtimeTenantHorizonRow {
  tenant_id: string;
  pruned_through: Bigint;
}

declare module 'knex/types/tables' {
  interface Tables {
    realtime_events: Knex.CompositeTableType<RealtimeEventRow, Insertable<RealtimeEventRow, 'tenant_id' | 'seq' | 'event' | 'payload'>, Writable<RealtimeEventRow>>;
    realtime_tenant_horizon: Knex.CompositeTableType<RealtimeTenantHorizonRow, Insertable<RealtimeTenantHorizonRow, 'tenant_id'>, Writable<RealtimeTenantHorizonRow>>;
  }
}

export interface StoredRealtimeEvent {
  seq: number;
  event: string;
  payload: object;
}

/** The SQL of a tenant's latest seq: its newest event, else (after a prune emptied its log) the horizon. */
export const LATEST_SEQ_SQL = `greatest((select max(seq) from realtime_events where tenant_id = :tenant),
                 (select pruned_through from realtime_tenant_horizon where tenant_id = :tenant), 0)`;

/** Run as the tenant (RLS): a cursor can never reach another tenant's events. */
export async function latestRealtimeSeq(trx: Knex, tenantId: string): Promise<number> {
  const { rows } = await trx.raw<{ rows: { seq: string }[] }>(`select ${LATEST_SEQ_SQL} as seq`, { tenant: tenantId });
  return Number(rows[0].seq);
}

/** Events with after < seq <= upTo (when given), oldest first. */
export async function realtimeEventsAfter(trx: Knex, tenantId: string, after: number, limit: number, upTo?: number): Promise<StoredRealtimeEvent[]> {
  const query = trx('realtime_events').where({ tenant_id: tenantId }).andWhere('seq', '>', after).orderBy('seq').limit(limit).select('seq', 'event', 'payload');
  const rows = await (upTo === undefined ? query : query.andWhere('seq', '<=', upTo));
  return rows.map((r) => ({ seq: Number(r.seq), event: r.event, payload: r.payload }));
}

export async function realtimePrunedThrough(trx: Knex, tenantId: string): Promise<number> {
  const row = await trx('realtime_tenant_horizon').where({ tenant_id: tenantId }).first('pruned_through');
  return Number(row?.pruned_through ?? 0);
}
