import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { newConversationSeed, type SendRequest } from '../../../domain/conversation';
import type { ConversationCommand } from '../../../domain/inbox';
import type { InboundMessage, TMessageContent } from '../../../domain/messages';
import { commandUpdate, conversationStateQuery, conversationWorkflow, inboundSignal, sendUpdate } from '../../../workflows/conversation';
import { withWorker } from '../../support/workflow-env';
import { CallLog, refusalOf } from './calls';

export const UNDELIVERABLE = 'this one Meta refuses';
const CREATED_AT = '2026-12-03T09:00:00.000Z';

/** The conversation actor's activities as a tiny in-memory world: one contact, one conversation. */
export function conversationActivities(log: CallLog) {
  return {
    recordInbound: async (input: { tenantId: string; message: InboundMessage }) => {
      log.record('recordInbound', input);
      const id = input.message.waMessageId;
      return { duplicate: false, contactId: 'contact-1', conversationId: 'conv-1', messageId: `in-${id}`, optedOut: false, contactCreated: id === 'wamid.1', aiEnabled: true };
    },
    recordOutbound: async (input: { messageId: string; content: TMessageContent; sender: string }) => {
      log.record('recordOutbound', input);
      return { contactId: 'contact-1', conversationId: 'conv-1', messageCreatedAt: CREATED_AT };
    },
    setOptOut: async (input: { contactId: string; optedOut: boolean }) => log.record('setOptOut', input),
    markMessageFailed: async (input: { messageId: string; code: string; title: string }) => log.record('markMessageFailed', input),
    applyConversationCommand: async (input: { command: ConversationCommand }) => {
      log.record('applyConversationCommand', input);
      return { readWaMessageId: input.command.type === 'markRead' ? 'wamid.2' : null };
    },
    publishEvents: async (events: { event: string }[]) => log.record('publishEvents', events),
    dispatchMessage: async (input: { messageId: string; to: string; content: TMessageContent }) => {
      log.record('dispatchMessage', input);
      if (input.content.type === 'text' && input.content.text.body === UNDELIVERABLE) {
        throw ApplicationFailure.nonRetryable('Message undeliverable', 'meta_error', { code: 131026, title: 'Message undeliverable', explanation: 'The number cannot receive it' });
      }
      return { waMessageId: `wamid.out.${input.messageId}` };
    },
    findHandoffNotice: async (input: { tenantId: string }) => {
      log.record('findHandoffNotice', input);
      return null;
    },
    markReadAtMeta: async (input: { waMessageId: string }) => log.record('markReadAtMeta', input),
    storeInboundMedia: async (input: unknown) => log.record('storeInboundMedia', input),
    uploadMediaToMeta: async (input: unknown) => {
      log.record('uploadMediaToMeta', input);
      return { metaMediaId: 'meta-media-1' };
    },
    answerWithAi: async (input: { question: string | null }) => {
      log.record('answerWithAi', input);
      return {
        kind: 'answer' as const,
        answer: { reply: `About "${input.question}": the Starter plan is 999 a month.`, confidence: 0.9, intent: 'pricing', handoff: false },
        policy: { confidenceThreshold: 0.5, maxRepliesPerConversation: 5, blockedIntents: [] },
      };
    },
  };
}

function inbound(waMessageId: string, body: string): InboundMessage {
  return {
    waMessageId,
    phoneNumberId: 'pn-1',
    from: '+919900000001',
    profileName: 'Asha',
    timestamp: Math.floor(Date.now() / 1000),
    type: 'text',
    content: { body },
    context: null,
  };
}

const agentText = (body: string): SendRequest => ({ content: { type: 'text', text: { body } }, sender: 'agent', senderUserId: 'agent-1' });

export type ConversationRun = Awaited<ReturnType<typeof runConversation>>;

/**
 * A customer's day with the actor: an AI answer, an agent's takeover (the AI then stays quiet), a
 * duplicate delivery, an agent's send, one Meta refuses, a read receipt, STOP, a refused send after
 * it, and the quiet period ending the run. Refusals by validators are collected, not thrown.
 */
export async function runConversation(env: TestWorkflowEnvironment) {
  const log = new CallLog();
  const workflowId = `conversation-${randomUUID()}`;
  return withWorker(env, conversationActivities(log), async (taskQueue) => {
    const handle = await env.client.workflow.start(conversationWorkflow, {
      workflowId,
      taskQueue,
      args: [{ tenantId: 'tenant-conv', contactKey: 'contact-key-1', phoneNumberId: 'pn-1', phone: '+919900000001', seed: { ...newConversationSeed }, quietPeriodMs: 2_000 }],
    });
    const commandBeforeConversation = await refusalOf(handle.executeUpdate(commandUpdate, { args: [{ type: 'resolve' }] }));

    await handle.signal(inboundSignal, inbound('wamid.1', 'How much is the plan?'));
    await log.until('dispatchMessage', 1);
    await handle.executeUpdate(commandUpdate, { args: [{ type: 'takeover', userId: 'agent-1' }] });
    await handle.signal(inboundSignal, inbound('wamid.2', 'Hello?'));
    await handle.signal(inboundSignal, inbound('wamid.2', 'Hello?'));
    const agentSend = await handle.executeUpdate(sendUpdate, { args: [agentText('Asha here, how can I help?')] });
    await handle.executeUpdate(sendUpdate, { args: [agentText(UNDELIVERABLE)] });
    await log.until('markMessageFailed', 1);
    await handle.executeUpdate(commandUpdate, { args: [{ type: 'markRead' }] });
    await handle.signal(inboundSignal, inbound('wamid.3', 'STOP'));
    await log.until('setOptOut', 1);
    const sendAfterStop = await refusalOf(handle.executeUpdate(sendUpdate, { args: [agentText('One more thing')] }));
    const stateBeforeEnd = await handle.query(conversationStateQuery);
    await handle.result();
    return { workflowId, runId: handle.firstExecutionRunId, log, agentSend, refusals: { commandBeforeConversation, sendAfterStop }, stateBeforeEnd };
  });
}
