import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorkflowTestEnv } from '../support/workflow-env';
import { runTrialConversion, runTrialExpiry, runTrialKept } from './scenarios/trial';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createWorkflowTestEnv();
});
afterAll(async () => {
  await env?.teardown();
});

describe('trialWorkflow with mocked activities', () => {
  it('sends the reminders earliest first, then expires the trial at its end', async () => {
    const { result, log } = await runTrialExpiry(env);
    expect(result).toMatchObject({ phase: 'expired', remindersSent: [1, 1] });
    expect(log.calls.map((c) => c.name)).toEqual(['sendTrialReminder', 'sendTrialReminder', 'expireTrial']);
    expect(log.inputs<{ reminderKey: string }>('sendTrialReminder').map((i) => i.reminderKey)).toEqual(['2000', '800']);
  });

  it('a conversion ends it at once: no reminder, no expiry', async () => {
    const { result, log } = await runTrialConversion(env);
    expect(result).toMatchObject({ phase: 'converted', remindersSent: [] });
    expect(log.calls.map((c) => c.name)).toEqual(['markTrialConverted']);
  });
});

describe('trialWorkflow kept by a subscription authorised during it (Razorpay start_at = its end)', () => {
  it('sends no reminder and converts at its end instead of expiring', async () => {
    const { result, log } = await runTrialKept(env);
    expect(result).toMatchObject({ phase: 'converted', remindersSent: [] });
    expect(log.calls.map((c) => c.name)).toEqual(['markTrialConverted']);
  });

  it('a subscription cancelled before its first charge gives the trial back: the next reminder goes out, then expiry', async () => {
    const { result, log } = await runTrialKept(env, { withdrawn: true });
    expect(result).toMatchObject({ phase: 'expired', remindersSent: [1] });
    expect(log.calls.map((c) => c.name)).toEqual(['sendTrialReminder', 'expireTrial']);
  });
});
