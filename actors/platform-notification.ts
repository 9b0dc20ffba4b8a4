import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { taskQueue } from '../domain/contracts';
import type { PlatformDeliver } from '../integrations/notifications/platform-notifier';
import type { platformNotificationWorkflow } from '../workflows/platform-notification';
import type { ActorDeps } from './actor-deps';

/** The idempotency key names a phone and an email, and workflow ids show in Temporal UI: only a hash goes in. */
export const platformNotificationWorkflowId = (idempotencyKey: string) => `platform-notification:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;

/**
 * The platform-notification actor: a workflow per notification, so the send is retried durably after
 * the request has been answered. `deliver` is undefined without a platform number (nothing to send from).
 */
export function platformNotificationActor({ temporal, config }: ActorDeps): { deliver: PlatformDeliver | undefined } {
  if (!config.platform.phoneNumberId || !config.platform.waToken) return { deliver: undefined };
  return {
    async deliver(delivery) {
      try {
        await temporal.workflow.start<typeof platformNotificationWorkflow>('platformNotificationWorkflow', {
          workflowId: platformNotificationWorkflowId(delivery.idempotencyKey),
          taskQueue: taskQueue('billing', config.temporal.taskQueuePrefix),
          args: [delivery],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
  };
}
