import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { taskQueue, workflowIds } from '../../domain/contracts';
import { AppError, errorStatus, type ErrorCode } from '../../domain/errors';
import type { AppConfig } from '../../config';
import type { subscriptionWorkflow } from '../../workflows/subscription';
import { kindKey, tenantIdKey } from '../../workflows/search-attributes';

/**
 * Every command on a tenant's subscription goes to its workflow as an update, starting the workflow
 * if it is not running yet. Validator rejections and activity failures come back as clear errors.
 */
export async function runSubscriptionUpdate<Ret, Arg>(
  client: Client,
  config: AppConfig,
  tenantId: string,
  updateName: string,
  arg: Arg,
): Promise<Ret> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof subscriptionWorkflow>('subscriptionWorkflow', {
    workflowId: workflowIds.subscription(tenantId),
    taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix),
    args: [subscriptionWorkflowInput(config, tenantId)],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: tenantIdKey, value: tenantId },
      { key: kindKey, value: 'subscription' },
    ],
  });
  try {
    return await client.workflow.executeUpdateWithStart<typeof subscriptionWorkflow, Ret, [Arg]>(updateName, { args: [arg], startWorkflowOperation });
  } catch (err) {
    throw toAppError(err);
  }
}

export function subscriptionWorkflowInput(config: AppConfig, tenantId: string) {
  return { tenantId, graceMs: config.billing.graceMs };
}

function toAppError(err: unknown): unknown {
  const failure = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  const root = failure instanceof ApplicationFailure ? failure : failure?.cause instanceof ApplicationFailure ? failure.cause : undefined;
  if (!root) return err;
  const type = root.type ?? '';
  if (type in errorStatus && errorStatus[type as ErrorCode] < 500) return new AppError(type as ErrorCode, root.message);
  return new AppError('billing_provider_error', 'The payment provider did not accept the request; try again in a moment');
}
