import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { TPlanId } from '../../../domain/billing';
import { workflowIds } from '../../../domain/contracts';
import type { RazorpayEventSignal } from '../../../domain/subscription-events';
import { changePlanUpdate, cancelUpdate, razorpayEventSignal, subscribeUpdate, subscriptionStateQuery, subscriptionWorkflow } from '../../../workflows/subscription';
import { trialWorkflow } from '../../../workflows/trial';
import { withWorker } from '../../support/workflow-env';
import { CallLog, refusalOf } from './calls';
import { trialActivities } from './trial';

export const GRACE_MS = 1_500;

export function billingActivities(log: CallLog) {
  return {
    createRazorpaySubscription: async (input: { tenantId: string; planId: TPlanId; subscriptionId: string }) => {
      log.record('createRazorpaySubscription', input);
      return { subscriptionId: input.subscriptionId, razorpaySubscriptionId: 'sub_rzp_1', shortUrl: 'https://rzp.example/sub_rzp_1', keyId: 'rzp_test_key' };
    },
    cancelRazorpaySubscription: async (input: unknown) => log.record('cancelRazorpaySubscription', input),
    changeRazorpayPlan: async (input: { planId: TPlanId }) => log.record('changeRazorpayPlan', input),
    recordPayment: async (input: { charged: boolean; payment: { id: string } }) => log.record('recordPayment', input),
    applySubscriptionStatus: async (input: { status: string }) => log.record('applySubscriptionStatus', input),
  };
}

function razorpayEvent(eventId: string, status: string, createdAt: number, paidCount: number, paymentId?: string): RazorpayEventSignal {
  const charged = status !== 'authenticated' && status !== 'cancelled';
  return {
    eventId,
    event: paymentId ? 'subscription.charged' : `subscription.${status}`,
    createdAt,
    subscription: {
      id: 'sub_rzp_1',
      status,
      planId: 'plan_rzp_starter',
      currentStart: charged ? createdAt : null,
      currentEnd: charged ? createdAt + 2_592_000 : null,
      paidCount,
      endedAt: null,
    },
    ...(paymentId
      ? {
          payment: {
            id: paymentId,
            amountMinor: 99_900,
            currency: 'INR',
            status: 'captured',
            invoiceId: `inv_${paymentId}`,
            method: 'card',
            errorCode: null,
            errorDescription: null,
            createdAt,
          },
        }
      : {}),
  };
}

export type SubscriptionRun = Awaited<ReturnType<typeof runSubscription>>;

/**
 * A tenant on trial subscribes; Razorpay activates and charges (the trial is converted), redelivers a
 * charge and delivers a stale event late; the plan changes; a halt starts grace, which runs out into
 * suspension; a cancel is then refused. The actor lives on, so the run is terminated at the end.
 */
export async function runSubscription(env: TestWorkflowEnvironment) {
  const log = new CallLog();
  const tenantId = `tenant-${randomUUID()}`;
  const t0 = Math.floor(Date.now() / 1000);
  return withWorker(env, { ...billingActivities(log), ...trialActivities(log) }, async (taskQueue) => {
    const trial = await env.client.workflow.start(trialWorkflow, {
      workflowId: workflowIds.trial(tenantId),
      taskQueue,
      args: [{ tenantId, trialEndsAt: new Date(Date.now() + 3_600_000).toISOString(), reminderOffsetsMs: [] }],
    });
    const handle = await env.client.workflow.start(subscriptionWorkflow, { workflowId: workflowIds.subscription(tenantId), taskQueue, args: [{ tenantId, graceMs: GRACE_MS }] });
    const created = await handle.executeUpdate(subscribeUpdate, { args: [{ planId: 'starter' }] });

    await handle.signal(razorpayEventSignal, razorpayEvent('evt_activated', 'active', t0 + 1, 0));
    await handle.signal(razorpayEventSignal, razorpayEvent('evt_charged', 'active', t0 + 2, 1, 'pay_1'));
    const trialResult = await trial.result();
    await handle.signal(razorpayEventSignal, razorpayEvent('evt_charged', 'active', t0 + 2, 1, 'pay_1'));
    await handle.signal(razorpayEventSignal, razorpayEvent('evt_authenticated_late', 'authenticated', t0, 0));
    const samePlan = await refusalOf(handle.executeUpdate(changePlanUpdate, { args: [{ planId: 'starter' }] }));
    const afterChange = await handle.executeUpdate(changePlanUpdate, { args: [{ planId: 'growth' }] });

    await handle.signal(razorpayEventSignal, razorpayEvent('evt_halted', 'halted', t0 + 3, 1));
    await log.until('applySubscriptionStatus', 4);
    const cancelAfterSuspension = await refusalOf(handle.executeUpdate(cancelUpdate, { args: [{ atCycleEnd: true }] }));
    const finalState = await handle.query(subscriptionStateQuery);
    await handle.terminate('scenario over');
    return { workflowId: handle.workflowId, log, created, trialResult, afterChange, finalState, refusals: { samePlan, cancelAfterSuspension } };
  });
}

/**
 * Subscribing during a trial keeps it (Razorpay `start_at` = the trial's end): `authenticated` (and a
 * duplicate of it) tells the trial, which converts at its end instead of expiring; the first charge
 * then makes the subscription active. With `cancelled`, the authorised subscription is cancelled
 * before that charge: the trial gets its days back and expires at its end.
 */
export async function runSubscriptionKeptTrial(env: TestWorkflowEnvironment, options: { cancelled?: boolean } = {}) {
  const log = new CallLog();
  const tenantId = `tenant-${randomUUID()}`;
  const t0 = Math.floor(Date.now() / 1000);
  return withWorker(env, { ...billingActivities(log), ...trialActivities(log) }, async (taskQueue) => {
    const trial = await env.client.workflow.start(trialWorkflow, {
      workflowId: workflowIds.trial(tenantId),
      taskQueue,
      args: [{ tenantId, trialEndsAt: new Date(Date.now() + 3_000).toISOString(), reminderOffsetsMs: [] }],
    });
    const handle = await env.client.workflow.start(subscriptionWorkflow, { workflowId: workflowIds.subscription(tenantId), taskQueue, args: [{ tenantId, graceMs: GRACE_MS }] });
    await handle.executeUpdate(subscribeUpdate, { args: [{ planId: 'growth' }] });
    await handle.signal(razorpayEventSignal, razorpayEvent('evt_authenticated', 'authenticated', t0 + 1, 0));
    await handle.signal(razorpayEventSignal, razorpayEvent('evt_authenticated_again', 'authenticated', t0 + 1, 0));
    const secondCheckout = await refusalOf(handle.executeUpdate(subscribeUpdate, { args: [{ planId: 'starter' }] }));
    if (options.cancelled) {
      await handle.executeUpdate(cancelUpdate, { args: [{ atCycleEnd: false }] });
      await handle.signal(razorpayEventSignal, razorpayEvent('evt_cancelled', 'cancelled', t0 + 2, 0));
    }
    const trialResult = await trial.result();
    if (!options.cancelled) {
      await handle.signal(razorpayEventSignal, razorpayEvent('evt_activated', 'active', t0 + 4, 1));
      await handle.signal(razorpayEventSignal, razorpayEvent('evt_charged', 'active', t0 + 4, 1, 'pay_1'));
    }
    await log.until('applySubscriptionStatus', options.cancelled ? 3 : 4);
    const finalState = await handle.query(subscriptionStateQuery);
    await handle.terminate('scenario over');
    return { workflowId: handle.workflowId, log, trialResult, finalState, secondCheckout };
  });
}
