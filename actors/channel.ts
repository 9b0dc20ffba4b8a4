import { channelMessages, taskQueue, workflowIds } from '../domain/contracts';
import type { DeliveryStatus } from '../domain/messages';
import type { channelWorkflow } from '../workflows/channel';
import type { ActorDeps } from './actor-deps';
import { tenantSearchAttributes } from './search-attributes';

/** The channel actor: one per connected number, the single writer of its messages' delivery statuses. */
export function channelActor({ temporal, config }: ActorDeps) {
  return {
    /** Hands a batch of Meta's statuses durably to the number's actor, starting it if it has ended. */
    async signalStatuses(tenantId: string, phoneNumberId: string, statuses: DeliveryStatus[]): Promise<void> {
      await temporal.workflow.signalWithStart<typeof channelWorkflow, [DeliveryStatus[]]>('channelWorkflow', {
        workflowId: workflowIds.channel(tenantId, phoneNumberId),
        taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
        args: [{ tenantId, phoneNumberId, quietPeriodMs: config.conversations.channelQuietPeriodMs }],
        signal: channelMessages.statuses,
        signalArgs: [statuses],
        typedSearchAttributes: tenantSearchAttributes(tenantId, 'channel'),
      });
    },
  };
}
