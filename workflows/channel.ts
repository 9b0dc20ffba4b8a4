import { allHandlersFinished, condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ConversationActivities } from '../activities/conversations';
import { channelMessages } from '../domain/contracts';
import type { DeliveryStatus } from '../domain/messages';

// Statuses are applied until they stick (retries without limit); publishing them is best effort.
const db = proxyActivities<ConversationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '1 minute' },
});
const realtime = proxyActivities<ConversationActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 3 },
});

export const statusesSignal = defineSignal<[DeliveryStatus[]]>(channelMessages.statuses);

export interface ChannelWorkflowInput {
  tenantId: string;
  phoneNumberId: string;
  quietPeriodMs: number;
  pending?: DeliveryStatus[];
}

/** Applied per activity: large enough to amortise, small enough to stay far below payload limits. */
const BATCH = 500;

/**
 * One number's delivery statuses: batches from the API (already coalesced across webhooks) are
 * applied in bulk and in order of time, so a 100k broadcast costs thousands of signals, not 300k.
 */
export async function channelWorkflow(input: ChannelWorkflowInput): Promise<void> {
  const pending: DeliveryStatus[] = [...(input.pending ?? [])];
  setHandler(statusesSignal, (batch) => {
    pending.push(...batch);
  });

  for (;;) {
    const active = await condition(() => pending.length > 0 || workflowInfo().continueAsNewSuggested, input.quietPeriodMs);
    if (!active && allHandlersFinished()) return;
    while (pending.length && !workflowInfo().continueAsNewSuggested) {
      const batch = pending.splice(0, BATCH);
      const applied = await db.applyStatuses({ tenantId: input.tenantId, statuses: batch });
      if (applied.length) {
        await realtime
          .publishEvents(
            applied.map((a) => ({
              tenantId: input.tenantId,
              event: 'message.status' as const,
              payload: { conversationId: a.conversationId, messageId: a.messageId, status: a.status },
            })),
          )
          .catch(() => undefined);
      }
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof channelWorkflow>({ ...input, pending });
    }
  }
}
