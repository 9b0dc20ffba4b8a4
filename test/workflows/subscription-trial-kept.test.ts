import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorkflowTestEnv } from '../support/workflow-env';
import { runSubscriptionKeptTrial } from './scenarios/subscription';

let env: TestWorkflowEnvironment;
let kept: Awaited<ReturnType<typeof runSubscriptionKeptTrial>>;
let cancelled: Awaited<ReturnType<typeof runSubscriptionKeptTrial>>;
beforeAll(async () => {
  env = await createWorkflowTestEnv();
  [kept, cancelled] = await Promise.all([runSubscriptionKeptTrial(env), runSubscriptionKeptTrial(env, { cancelled: true })]);
});
afterAll(async () => {
  await env?.teardown();
});

const names = (run: typeof kept) => run.log.calls.map((c) => c.name);
const statuses = (run: typeof kept) => run.log.inputs<{ status: string }>('applySubscriptionStatus').map((i) => i.status);

describe('subscriptionWorkflow: subscribing during a trial keeps it until the first charge', () => {
  it('authenticated (twice) keeps the workspace open: the trial converts at its end, never expires', () => {
    expect(kept.trialResult.phase).toBe('converted');
    expect(names(kept)).not.toContain('expireTrial');
    expect(kept.log.inputs('markTrialConverted')).toHaveLength(1);
  });

  it('refuses a second checkout once the card is authorised', () => {
    expect(kept.secondCheckout).toBe('already_subscribed');
    expect(kept.log.inputs('createRazorpaySubscription')).toHaveLength(1);
  });

  it('the first charge at the trial end (activated, charged) makes it active', () => {
    expect(statuses(kept)).toEqual(['authenticated', 'authenticated', 'active', 'active']);
    expect(kept.finalState).toMatchObject({ status: 'active', trialConverted: true, planId: 'growth' });
    expect(kept.log.inputs<{ payment: { id: string } }>('recordPayment').map((i) => i.payment.id)).toEqual(['pay_1']);
  });

  it('cancelled before the first charge: the trial gets its days back and expires at its end', () => {
    expect(statuses(cancelled)).toEqual(['authenticated', 'authenticated', 'cancelled']);
    expect(cancelled.trialResult.phase).toBe('expired');
    expect(names(cancelled)).toContain('expireTrial');
    expect(names(cancelled)).not.toContain('markTrialConverted');
    expect(cancelled.finalState).toMatchObject({ status: 'cancelled', trialConverted: false });
  });
});
