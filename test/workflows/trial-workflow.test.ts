import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createWorkflowTestEnv } from '../support/workflow-env';
import { runTrialConversion, runTrialExpiry } from './scenarios/trial';

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
