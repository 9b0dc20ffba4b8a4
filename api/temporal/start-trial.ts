import type { Client } from '@temporalio/client';
import { taskQueue, workflowIds } from '../../domain/contracts';
import type { TrialWorkflowInput } from '../../domain/trial';
import type { trialWorkflow } from '../../workflows/trial';
import { kindKey, tenantIdKey } from '../../workflows/search-attributes';

/** Starts the tenant's one trial; the id `trial:{tenantId}` makes a second start fail rather than double up. */
export async function startTrialWorkflow(client: Client, taskQueuePrefix: string, input: TrialWorkflowInput): Promise<void> {
  await client.workflow.start<typeof trialWorkflow>('trialWorkflow', {
    workflowId: workflowIds.trial(input.tenantId),
    taskQueue: taskQueue('billing', taskQueuePrefix),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: [
      { key: tenantIdKey, value: input.tenantId },
      { key: kindKey, value: 'trial' },
    ],
  });
}
