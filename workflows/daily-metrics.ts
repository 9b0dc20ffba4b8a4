import { proxyActivities } from '@temporalio/workflow';
import type { MetricsActivities } from '../activities/metrics';

const { rollUpDailyMetrics, ensureMessagePartitions, prunePlatformNotifications } = proxyActivities<MetricsActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 5 },
});

const DAY_MS = 86_400_000;

/**
 * Started by the hourly `daily-metrics` Temporal Schedule: refreshes yesterday's and today's totals,
 * keeps three months of message partitions ready ahead of time, and deletes the platform's sent
 * notifications and sign-up challenges once their day is over.
 */
export async function dailyMetricsRollupWorkflow(): Promise<number> {
  const today = new Date(Date.now());
  const days = [new Date(today.getTime() - DAY_MS), today].map((d) => d.toISOString().slice(0, 10));
  await ensureMessagePartitions({ monthsAhead: 3 });
  await prunePlatformNotifications();
  return rollUpDailyMetrics({ days });
}
