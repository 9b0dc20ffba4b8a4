import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { runConversation } from './conversation';
import { runSubscription, runSubscriptionKeptTrial } from './subscription';
import { runTrialConversion, runTrialExpiry, runTrialKept } from './trial';

/**
 * The runs whose histories are kept in test/fixtures/histories/ (`npm run record-histories`) and
 * replayed by test/workflows/replay.test.ts. Each returns the workflow whose history is kept: its first
 * run when `runId` is given (a run that continued as new), else its latest.
 */
export const recordedScenarios: Record<string, (env: TestWorkflowEnvironment) => Promise<{ workflowId: string; runId?: string }>> = {
  'conversation-day': runConversation,
  'subscription-lifecycle': runSubscription,
  'trial-expiry': runTrialExpiry,
  'trial-conversion': runTrialConversion,
  'subscription-trial-kept': runSubscriptionKeptTrial,
  'trial-kept': runTrialKept,
};
