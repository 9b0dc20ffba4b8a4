import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { taskQueue, workflowIds } from '../domain/contracts';
import type { ConnectOutcome, ConnectWhatsappInput } from '../domain/whatsapp-connect';
import type { connectWhatsappNumberWorkflow } from '../workflows/whatsapp-connect';
import type { ActorDeps } from './actor-deps';
import { withFailuresMapped } from './failures';
import { tenantSearchAttributes } from './search-attributes';

/** The WhatsApp-connect actor: one short run per connection attempt, named by the attempt's nonce. */
export function whatsappConnectActor({ temporal, config }: ActorDeps) {
  return {
    /**
     * Runs the connect workflow and waits for its outcome. Its id is never reusable (REJECT_DUPLICATE,
     * and FAIL while running), so a second callback with the same state nonce is refused: 'replayed'.
     */
    async run(nonce: string, input: ConnectWhatsappInput): Promise<ConnectOutcome | 'replayed'> {
      try {
        return await withFailuresMapped(() =>
          temporal.workflow.execute<typeof connectWhatsappNumberWorkflow>('connectWhatsappNumberWorkflow', {
            workflowId: workflowIds.whatsappConnect(input.tenantId, nonce),
            taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            workflowIdConflictPolicy: 'FAIL',
            workflowExecutionTimeout: '2 minutes',
            typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'whatsapp-connect'),
          }),
        );
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'replayed';
        throw err;
      }
    },
  };
}
