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

export interface LoggedEvent {
  tenantId: string;
}

/**
 * Appends one event to the catch-up log and numbers it: `prevSeq` is the tenant's previous event.
 * With `notifyChannel` the numbered event is also sent by Postgres NOTIFY in the same transaction.
 */
export async function appendRealtimeEvent<E extends LoggedEvent & { event: string; payload: object }>(
  system: Knex,
  event: E,
  options: { notifyChannel?: string } = {},
): Promise<E & { seq: number; prevSeq: number }> {
  return system.transaction(async (trx) => {
    // Per tenant, seq order must equal commit order, or a reader could pass a seq that commits later.
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`realtime:${event.tenantId}`]);
    const [prev] = await trx('realtime_events').where({ tenant_id: event.tenantId }).max({ seq: 'seq' });
    const [row] = await trx('realtime_events').insert({ tenant_id: event.tenantId, event: event.event, payload: event.payload }).returning('seq');
    const message = { ...event, seq: Number(row.seq), prevSeq: Number(prev?.seq ?? 0) };
    if (options.notifyChannel) await trx.raw('select pg_notify(?, ?)', [options.notifyChannel, JSON.stringify(message)]);
    return message;
  });
}
