import type { Database } from '../../db/connection';
import { rollUpDailyMetrics } from '../../db/system/daily-metrics';

export function createMetricsActivities({ db }: { db: Database }) {
  return {
    rollUpDailyMetrics: (input: { days: string[] }) => rollUpDailyMetrics(db.system, input.days),
  };
}

export type MetricsActivities = ReturnType<typeof createMetricsActivities>;
