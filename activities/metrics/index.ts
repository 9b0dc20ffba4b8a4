import type { Database } from '../../db/connection';
import { rollUpDailyMetrics } from '../../db/system/daily-metrics';
import { ensureMessagePartitions } from '../../db/system/message-partitions';
import { prunePlatformNotifications } from '../../db/system/retention';

export function createMetricsActivities({ db }: { db: Database }) {
  return {
    rollUpDailyMetrics: (input: { days: string[] }) => rollUpDailyMetrics(db.system, input.days),
    ensureMessagePartitions: (input: { monthsAhead: number }) => ensureMessagePartitions(db.system, input.monthsAhead),
    prunePlatformNotifications: () => prunePlatformNotifications(db.system),
  };
}

export type MetricsActivities = ReturnType<typeof createMetricsActivities>;
