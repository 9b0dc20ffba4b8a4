import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AppConfig } from '../../config';
import { contactKey } from '../../db/contacts/phone-identity';
import { channelMessages, conversationMessages, taskQueue, workflowIds } from '../../domain/contracts';
import type { ConversationSeed, ConversationWorkflowInput, SendRequest } from '../../domain/conversation';
import { AppError } from '../../domain/errors';
import type { DeliveryStatus, InboundMessage, TSendMessageResponse } from '../../domain/messages';
import type { ConversationCommand } from '../../domain/inbox';
import type { channelWorkflow } from '../../workflows/channel';
import type { conversationWorkflow } from '../../workflows/conversation';
import { kindKey, tenantIdKey } from '../../workflows/search-attributes';

type Target = { tenantId: string; phoneNumberId: string; phone: string; seed: ConversationSeed };

function conversationStart(config: AppConfig, t: Target) {
  const key = contactKey(config, t.tenantId, t.phone);
  const input: ConversationWorkflowInput = { tenantId: t.tenantId, contactKey: key, phoneNumberId: t.phoneNumberId, phone: t.phone, seed: t.seed, quietPeriodMs: config.conversations.quietPeriodMs };
  return {
    workflowId: workflowIds.conversation(t.tenantId, `${key}:${t.phoneNumberId}`),
    taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
    args: [input] as [ConversationWorkflowInput],
    typedSearchAttributes: [
      { key: tenantIdKey, value: t.tenantId },
      { key: kindKey, value: 'conversation' },
    ],
  };
}

/** Hands an inbound message durably to its conversation actor, starting it if it is not running. */
export async function signalInbound(client: Client, config: AppConfig, target: Target, message: InboundMessage): Promise<void> {
  await client.workflow.signalWithStart<typeof conversationWorkflow, [InboundMessage]>('conversationWorkflow', {
    ...conversationStart(config, target),
    signal: conversationMessages.inbound,
    signalArgs: [message],
  });
}

/** Asks the conversation actor to send; its validator decides (window, opt-out) before anything is written. */
export async function requestSend(client: Client, config: AppConfig, target: Target, request: SendRequest): Promise<TSendMessageResponse> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof conversationWorkflow>('conversationWorkflow', {
    ...conversationStart(config, target),
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  try {
    return await client.workflow.executeUpdateWithStart<typeof conversationWorkflow, TSendMessageResponse, [SendRequest]>(conversationMessages.send, { args: [request], startWorkflowOperation });
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && (cause.type === 'window_closed' || cause.type === 'contact_opted_out')) throw new AppError(cause.type, cause.message);
    throw err;
  }
}

/** Takeover, release, assign, resolve, reopen, read: through the actor that owns the conversation. */
export async function runCommand(client: Client, config: AppConfig, target: Target, command: ConversationCommand): Promise<void> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof conversationWorkflow>('conversationWorkflow', {
    ...conversationStart(config, target),
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  await client.workflow.executeUpdateWithStart<typeof conversationWorkflow, { conversationId: string }, [ConversationCommand]>(conversationMessages.command, { args: [command], startWorkflowOperation });
}

export async function signalStatuses(client: Client, config: AppConfig, tenantId: string, phoneNumberId: string, statuses: DeliveryStatus[]): Promise<void> {
  await client.workflow.signalWithStart<typeof channelWorkflow, [DeliveryStatus[]]>('channelWorkflow', {
    workflowId: workflowIds.channel(tenantId, phoneNumberId),
    taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
    args: [{ tenantId, phoneNumberId, quietPeriodMs: config.conversations.channelQuietPeriodMs }],
    signal: channelMessages.statuses,
    signalArgs: [statuses],
    typedSearchAttributes: [
      { key: tenantIdKey, value: tenantId },
      { key: kindKey, value: 'channel' },
    ],
  });
}
