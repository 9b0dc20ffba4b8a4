import type { Knex } from 'knex';
import { LATEST_SEQ_SQL } from '../realtime/events';

/**
 * Deletes the log's oldest events: everything before the first event younger than `retention`, in
 * the global order (`id`), which within a tenant is its `seq` order, so what goes is a prefix of each
 * tenant's seq and its `pruned_through` marks exactly what a cursor can miss. Returns the rows deleted.
 */
export async function pruneRealtimeEvents(system: Knex, retention = '24 hours'): Promise<number> {
  const { rows } = await system.raw<{ rows: { deleted: number }[] }>(
    `with cutoff as (
       select coalesce(
         (select id from realtime_events where created_at >= now() - ?::interval order by id limit 1),
         (select max(id) + 1 from realtime_events)
       ) as id
     ), gone as (
       delete from realtime_events where id < (select id from cutoff) returning tenant_id, seq
     ), horizon as (
       insert into realtime_tenant_horizon (tenant_id, pruned_through)
       select tenant_id, max(seq) from gone group by tenant_id
       on conflict (tenant_id) do update set pruned_through = greatest(realtime_tenant_horizon.pruned_through, excluded.pruned_through)
       returning 1
     )
     select count(*)::int as deleted from gone`,
    [retention],
  );
  return Number(rows[0].deleted);
}

export interface LoggedEvent {
  tenantId: string;
}

/**
 * Appends one event to the catch-up log and numbers it in its tenant's own sequence (`seq`; `prevSeq`
 * is the tenant's previous event); `id` is the log's global order, which pruning cuts by. With
 * `notifyChannel` the numbered event is also sent by Postgres NOTIFY in the same transaction.
 */
export async function appendRealtimeEvent<E extends LoggedEvent & { event: string; payload: object }>(
  system: Knex,
  event: E,
  options: { notifyChannel?: string } = {},
): Promise<{ message: E & { seq: number; prevSeq: number }; id: number }> {
  return system.transaction(async (trx) => {
    // Per tenant, seq order must equal commit order, or a reader could pass a seq that commits later.
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`realtime:${event.tenantId}`]);
    // The tenant's own sequence; after a prune emptied its log, it goes on from the horizon.
    const { rows } = await trx.raw<{ rows: { prev: string }[] }>(`select ${LATEST_SEQ_SQL} as prev`, { tenant: event.tenantId });
    const prevSeq = Number(rows[0].prev);
    const [row] = await trx('realtime_events')
      .insert({ tenant_id: event.tenantId, seq: prevSeq + 1, event: event.event, payload: event.payload })
      .returning(['id', 'seq']);
    const message = { ...event, seq: Number(row.seq), prevSeq };
    if (options.notifyChannel) await trx.raw('select pg_notify(?, ?)', [options.notifyChannel, JSON.stringify(message)]);
    return { message, id: Number(row.id) };
  });
}
