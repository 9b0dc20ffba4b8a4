import type { Knex } from 'knex';

/**
 * Deletes the log's oldest events: everything before the first event younger than `retention`, so
 * what goes is always a prefix of seq and `pruned_through` marks exactly what a cursor can miss.
 */
export async function pruneRealtimeEvents(system: Knex, retention = '24 hours'): Promise<number> {
  await system.raw(
    `with cutoff as (
       select coalesce(
         (select seq from realtime_events where created_at >= now() - ?::interval order by seq limit 1),
         (select max(seq) + 1 from realtime_events)
       ) as seq
     ), gone as (
       delete from realtime_events where seq < (select seq from cutoff) returning seq
     )
     update realtime_horizon set pruned_through = greatest(pruned_through, (select max(seq) from gone))
     where exists (select 1 from gone)`,
    [retention],
  );
  const horizon = await system('realtime_horizon').first('pruned_through');
  return Number(horizon?.pruned_through ?? 0);
}
