import type { Knex } from 'knex';

/**
 * Creates the monthly partitions of `messages` ahead of time. They must exist before their month
 * begins: once the default partition holds rows of a month, that month's partition can't be created.
 */
export async function ensureMessagePartitions(system: Knex, monthsAhead: number, now = new Date()): Promise<string[]> {
  const created: string[] = [];
  for (let offset = 0; offset <= monthsAhead; offset++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 1));
    const name = `messages_${from.toISOString().slice(0, 7).replace('-', '_')}`;
    const exists = await system.raw<{ rows: { oid: string | null }[] }>('select to_regclass(?) as oid', [name]);
    if (exists.rows[0].oid) continue;
    await system.raw(`CREATE TABLE ${name} PARTITION OF messages FOR VALUES FROM ('${from.toISOString().slice(0, 10)}') TO ('${to.toISOString().slice(0, 10)}')`);
    created.push(name);
  }
  return created;
}
