import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PlatformDeliver } from '../../integrations/notifications/platform-notifier';
import { sha256 } from '../auth/secrets';
import type { AppConfig } from '../../config';
import { taskQueue } from '../../domain/contracts';
import type { platformNotificationWorkflow } from '../../workflows/platform-notification';

/**
 * The API's way to deliver a platform notification: a workflow per notification, so the send is
 * retried durably after the request has been answered. Its id is a hash of the idempotency key
 * (which names a phone and an email, and workflow ids show in Temporal UI). Undefined without a
 * platform number.
 */
export function platformDeliveryStarter(client: Client, config: AppConfig): PlatformDeliver | undefined {
  if (!config.platform.phoneNumberId || !config.platform.waToken) return undefined;
  return async (delivery) => {
    try {
      await client.workflow.start<typeof platformNotificationWorkflow>('platformNotificationWorkflow', {
        workflowId: `platform-notification:${sha256(delivery.idempotencyKey).slice(0, 32)}`,
        taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix),
        args: [delivery],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  };
}
