import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorkflowTestEnv } from '../support/workflow-env';
import { runSubscription, type SubscriptionRun } from './scenarios/subscription';

let env: TestWorkflowEnvironment;
let run: SubscriptionRun;
beforeAll(async () => {
  env = await createWorkflowTestEnv();
  run = await runSubscription(env);
});
afterAll(async () => {
  await env?.teardown();
});

describe('subscriptionWorkflow with mocked activities', () => {
  it('creates the Razorpay subscription through an update and answers with it', () => {
    expect(run.created).toMatchObject({
      razorpaySubscriptionId: 'sub_rzp_1',
      subscriptionId: run.log.inputs<{ subscriptionId: string }>('createRazorpaySubscription')[0].subscriptionId,
    });
  });

  it('converts the trial when the subscription first becomes active', () => {
    expect(run.trialResult.phase).toBe('converted');
    expect(run.log.inputs('markTrialConverted')).toHaveLength(1);
    expect(run.log.inputs('expireTrial')).toHaveLength(0);
  });

  it('records a redelivered charge once and never lets a stale event move the status back', () => {
    expect(run.log.inputs<{ payment: { id: string }; charged: boolean }>('recordPayment').map((i) => [i.payment.id, i.charged])).toEqual([['pay_1', true]]);
    expect(run.log.inputs<{ status: string }>('applySubscriptionStatus').map((i) => i.status)).toEqual(['active', 'active', 'grace', 'suspended']);
  });

  it('changes plan once, refuses the same plan, and refuses a cancel once suspended', () => {
    expect(run.log.inputs('changeRazorpayPlan')).toEqual([expect.objectContaining({ planId: 'growth' })]);
    expect(run.afterChange.planId).toBe('growth');
    expect(run.refusals).toEqual({ samePlan: 'same_plan', cancelAfterSuspension: 'no_subscription' });
    expect(run.log.inputs('cancelRazorpaySubscription')).toHaveLength(0);
  });

  it('suspends when the grace period after a halt runs out', () => {
    expect(run.finalState).toMatchObject({ status: 'suspended', graceEndsAt: null, trialConverted: true, planId: 'growth' });
    expect(run.finalState.seenEventIds).toEqual(['evt_activated', 'evt_charged', 'evt_authenticated_late', 'evt_halted']);
  });
});
