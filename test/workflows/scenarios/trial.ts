import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { TrialState } from '../../../domain/trial';
import { convertedSignal, subscriptionMandateSignal, trialWorkflow } from '../../../workflows/trial';
import { withWorker } from '../../support/workflow-env';
import { CallLog } from './calls';

export function trialActivities(log: CallLog) {
  return {
    sendTrialReminder: async (input: { tenantId: string; daysLeft: number; reminderKey: string }) => {
      log.record('sendTrialReminder', input);
      return 1;
    },
    expireTrial: async (input: { tenantId: string }) => log.record('expireTrial', input),
    markTrialConverted: async (input: { tenantId: string }) => log.record('markTrialConverted', input),
  };
}

export interface TrialRun {
  workflowId: string;
  result: TrialState;
  log: CallLog;
}

/** A trial of seconds left to run out: two reminders, then expiry. */
export async function runTrialExpiry(env: TestWorkflowEnvironment): Promise<TrialRun> {
  const log = new CallLog();
  const workflowId = `trial-expiry-${randomUUID()}`;
  const result = await withWorker(env, trialActivities(log), (taskQueue) =>
    env.client.workflow.execute(trialWorkflow, {
      workflowId,
      taskQueue,
      args: [{ tenantId: 'tenant-trial', trialEndsAt: new Date(Date.now() + 3_000).toISOString(), reminderOffsetsMs: [800, 2_000] }],
    }),
  );
  return { workflowId, result, log };
}

/** A trial converted by a subscription before any reminder was due. */
export async function runTrialConversion(env: TestWorkflowEnvironment): Promise<TrialRun> {
  const log = new CallLog();
  const workflowId = `trial-conversion-${randomUUID()}`;
  const result = await withWorker(env, trialActivities(log), async (taskQueue) => {
    const handle = await env.client.workflow.start(trialWorkflow, {
      workflowId,
      taskQueue,
      args: [{ tenantId: 'tenant-trial', trialEndsAt: new Date(Date.now() + 3_600_000).toISOString(), reminderOffsetsMs: [1_800_000] }],
    });
    await handle.signal(convertedSignal);
    return handle.result();
  });
  return { workflowId, result, log };
}

/**
 * A subscription authorised early in the trial (billing from its end): no reminders, and at the end
 * the trial converts instead of expiring. With `withdrawn`, the subscription is cancelled before its
 * first charge: the trial is back, the later reminder goes out and the trial expires at its end.
 */
export async function runTrialKept(env: TestWorkflowEnvironment, options: { withdrawn?: boolean } = {}): Promise<TrialRun> {
  const log = new CallLog();
  const workflowId = `trial-kept-${randomUUID()}`;
  const result = await withWorker(env, trialActivities(log), async (taskQueue) => {
    const handle = await env.client.workflow.start(trialWorkflow, {
      workflowId,
      taskQueue,
      args: [{ tenantId: 'tenant-trial', trialEndsAt: new Date(Date.now() + 4_000).toISOString(), reminderOffsetsMs: [800, 3_000] }],
    });
    await handle.signal(subscriptionMandateSignal, { held: true });
    if (options.withdrawn) {
      await new Promise((r) => setTimeout(r, 1_500)); // past the first reminder's time
      await handle.signal(subscriptionMandateSignal, { held: false });
    }
    return handle.result();
  });
  return { workflowId, result, log };
}
