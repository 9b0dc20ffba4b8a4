import { WithStartWorkflowOperation } from '@temporalio/client';
import type { AppConfig } from '../config';
import { contactKey } from '../db/contacts/phone-identity';
import { conversationMessages, taskQueue, workflowIds } from '../domain/contracts';
import type { ConversationSeed, ConversationWorkflowInput, SendRequest } from '../domain/conversation';
import type { ConversationCommand } from '../domain/inbox';
import type { InboundMessage, TSendMessageResponse } from '../domain/messages';
import type { conversationWorkflow } from '../workflows/conversation';
import type { ActorDeps } from './actor-deps';
import { withFailuresMapped } from './failures';
import { tenantSearchAttributes } from './search-attributes';

/** Which conversation: one contact (by phone) on one of the tenant's numbers, and what Postgres knows of it. */
export interface ConversationTarget {
  tenantId: string;
  phoneNumberId: string;
  phone: string;
  seed: ConversationSeed;
}

/** How the actor is started when it is not running; the same for a signal and for an update. */
export function conversationStart({ config }: { config: Pick<AppConfig, 'blindIndexKey' | 'encryptionKeys' | 'conversations' | 'temporal'> }, target: ConversationTarget) {
  const key = contactKey(config, target.tenantId, target.phone);
  const input: ConversationWorkflowInput = {
    tenantId: target.tenantId,
    contactKey: key,
    phoneNumberId: target.phoneNumberId,
    phone: target.phone,
    seed: target.seed,
    quietPeriodMs: config.conversations.quietPeriodMs,
  };
  return {
    workflowId: workflowIds.conversation({ tenantId: target.tenantId, contactKey: key, phoneNumberId: target.phoneNumberId }),
    taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
    args: [input] as [ConversationWorkflowInput],
    typedSearchAttributes: tenantSearchAttributes(target.tenantId, 'conversation'),
  };
}

/**
 * The conversation actor: the single writer of one contact's messages on one number. Messages come in
 * as a signal; sends and inbox commands are updates its validators accept or refuse before anything
 * is written. Each call starts the actor if it has ended (it ends itself after a quiet period).
 */
export function conversationActor(deps: ActorDeps) {
  const { temporal } = deps;
  const startOperation = (target: ConversationTarget) =>
    new WithStartWorkflowOperation<typeof conversationWorkflow>('conversationWorkflow', { ...conversationStart(deps, target), workflowIdConflictPolicy: 'USE_EXISTING' });

  return {
    /** Hands an inbound message durably to the actor. */
    async signalInbound(target: ConversationTarget, message: InboundMessage): Promise<void> {
      await temporal.workflow.signalWithStart<typeof conversationWorkflow, [InboundMessage]>('conversationWorkflow', {
        ...conversationStart(deps, target),
        signal: conversationMessages.inbound,
        signalArgs: [message],
      });
    },

    /** Queues a message; refused (window closed, opted out) before anything is written. */
    send(target: ConversationTarget, request: SendRequest): Promise<TSendMessageResponse> {
      return withFailuresMapped(() =>
        temporal.workflow.executeUpdateWithStart<typeof conversationWorkflow, TSendMessageResponse, [SendRequest]>(conversationMessages.send, {
          args: [request],
          startWorkflowOperation: startOperation(target),
        }),
      );
    },

    /** Takeover, release, assign, resolve, reopen, read; refused with `not_found` if the conversation does not exist yet. */
    command(target: ConversationTarget, command: ConversationCommand): Promise<{ conversationId: string }> {
      return withFailuresMapped(() =>
        temporal.workflow.executeUpdateWithStart<typeof conversationWorkflow, { conversationId: string }, [ConversationCommand]>(conversationMessages.command, {
          args: [command],
          startWorkflowOperation: startOperation(target),
        }),
      );
    },
  };
}
