import type { Knex } from 'knex';

/**
 * Deletes the log's oldest events: everything before the first event younger than `retention`, in
 * the global order (`id`), which within a tenant is its `seq` order, so what goes is a prefix of each
 * tenant's seq and its `pruned_through` marks exactly what a cursor can miss. Returns the rows deleted.
 */
export async function pruneRealtimeEvents(system: Knex, retention = '24 hours'): Promise<number> {
  const { rows } = await system.raw(
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
