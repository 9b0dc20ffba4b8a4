import type { Knex } from 'knex';

/** A `daily_metrics` row: one tenant's total of one usage kind on one UTC day. `value` is a bigint, read as a string. */
export interface DailyMetricRow {
  tenant_id: string;
  day: Date;
  metric: string;
  value: string;
  updated_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    daily_metrics: DailyMetricRow;
  }
}

/**
 * Rolls the usage ledger up into `daily_metrics` for the given UTC days, for every tenant at once
 * (a platform job, hence a cross-tenant function). Re-running a day replaces its totals.
 */
export async function rollUpDailyMetrics(system: Knex, days: string[]): Promise<number> {
  const result = await system.raw<{ rowCount: number | null }>(
    `insert into daily_metrics (tenant_id, day, metric, value, updated_at)
     select tenant_id, (occurred_at at time zone 'UTC')::date as day, kind, sum(quantity), now()
       from usage_events
      where (occurred_at at time zone 'UTC')::date = any(?::date[])
      group by tenant_id, day, kind
     on conflict (tenant_id, day, metric) do update set value = excluded.value, updated_at = now()`,
    [days],
  );
  return result.rowCount ?? 0;
}
