import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { taskQueue } from '../domain/contracts';
import type { AppConfig } from '../config';

export function dailyMetricsScheduleId(config: AppConfig): string {
  return config.temporal.taskQueuePrefix ? `${config.temporal.taskQueuePrefix}-daily-metrics` : 'daily-metrics';
}

/** Platform-wide recurring jobs, created once (idempotent across worker restarts and replicas). */
export async function ensureSchedules(client: Client, config: AppConfig): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: dailyMetricsScheduleId(config),
      spec: { intervals: [{ every: '1 hour' }] },
      action: { type: 'startWorkflow', workflowType: 'dailyMetricsRollupWorkflow', taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix), args: [] },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
