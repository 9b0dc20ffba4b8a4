import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { runConversation } from './conversation';
import { runSubscription } from './subscription';
import { runTrialConversion, runTrialExpiry } from './trial';

/**
 * The runs whose histories are kept in test/fixtures/histories/ (`npm run record-histories`) and
 * replayed by test/workflows/replay.test.ts. Each returns the id of the workflow whose history is kept.
 */
export const recordedScenarios: Record<string, (env: TestWorkflowEnvironment) => Promise<{ workflowId: string }>> = {
  'conversation-day': runConversation,
  'subscription-lifecycle': runSubscription,
  'trial-expiry': runTrialExpiry,
  'trial-conversion': runTrialConversion,
};
