import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { taskQueue, workflowIds } from '../../domain/contracts';
import type { ConnectOutcome, ConnectWhatsappInput } from '../../domain/whatsapp-connect';
import type { connectWhatsappNumberWorkflow } from '../../workflows/whatsapp-connect';
import { kindSearchAttribute, tenantIdKey } from '../../workflows/search-attributes';
import type { ApiDeps } from '../deps';

/**
 * Runs the connect workflow and waits for its outcome. Its id is never reusable (REJECT_DUPLICATE,
 * and FAIL while running), so a second callback with the same state nonce is refused: 'replayed'.
 */
export async function runConnectWorkflow(deps: Pick<ApiDeps, 'temporal' | 'config'>, nonce: string, input: ConnectWhatsappInput): Promise<ConnectOutcome | 'replayed'> {
  try {
    return await deps.temporal.workflow.execute<typeof connectWhatsappNumberWorkflow>('connectWhatsappNumberWorkflow', {
      workflowId: workflowIds.whatsappConnect(input.tenantId, nonce),
      taskQueue: taskQueue('conversations', deps.config.temporal.taskQueuePrefix),
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
      workflowExecutionTimeout: '2 minutes',
      typedSearchAttributes: [{ key: tenantIdKey, value: input.tenantId }, kindSearchAttribute('whatsapp-connect')],
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'replayed';
    throw err;
  }
}
