import { taskQueue, workflowIds } from '../domain/contracts';
import type { TrialWorkflowInput } from '../domain/trial';
import type { trialWorkflow } from '../workflows/trial';
import type { ActorDeps } from './actor-deps';
import { tenantSearchAttributes } from './search-attributes';

/** The trial actor: one per tenant, from registration until the trial converts or runs out. */
export function trialActor({ temporal, config }: ActorDeps) {
  return {
    /** Starts the tenant's one trial; the id `trial:{tenantId}` makes a second start fail rather than double up. */
    async start(input: TrialWorkflowInput): Promise<void> {
      await temporal.workflow.start<typeof trialWorkflow>('trialWorkflow', {
        workflowId: workflowIds.trial(input.tenantId),
        taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix),
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'trial'),
      });
    },
  };
}
