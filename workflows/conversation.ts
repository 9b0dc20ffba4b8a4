import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { ConversationActivities } from '../activities/conversations';
import type { MediaActivities } from '../activities/media';
import type { DispatchActivities } from '../activities/meta/dispatch/activity';
import { conversationMessages } from '../domain/contracts';
import { sendRefusal, type ConversationWorkflowInput, type PendingSend, type SendRequest } from '../domain/conversation';
import type { InboundMessage, TMessageContent, TSendMessageResponse } from '../domain/messages';
import type { ConversationCommand } from '../domain/inbox';
import { inboundMediaRef } from '../domain/inbound-media';
import { routeInbound } from '../domain/inbound-routing';
import { optInConfirmation, optOutConfirmation } from '../domain/opt-out';
import { questionOf } from '../domain/ai-guardrails';
import type { TRealtimePayload } from '../domain/realtime';
import { takeAiTurn } from './conversation-ai';
import { ConversationState } from './conversation-state';

// Writes the actor owns retry without limit: a database outage delays a conversation, never ends it.
// Local activities: short, idempotent Postgres writes run by the worker inside the workflow task, so
// each saves the two Temporal hand-offs of a scheduled activity (bench:inbox, docs/BENCHMARKS.md).
const db = proxyLocalActivities<ConversationActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '1 minute' },
});
// Realtime events are best effort: a client that misses one re-reads the inbox from Postgres.
const realtime = proxyLocalActivities<ConversationActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 3 },
});
// Sends retry on 5xx/429/timeouts (Retry-After honoured through nextRetryDelay), never on 4xx, and not forever.
const meta = proxyActivities<DispatchActivities>({
  startToCloseTimeout: '20 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 25 },
});

// Read receipts: a few quick attempts, then given up (the unread count is already cleared).
const receipts = proxyActivities<DispatchActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

// A download may be up to 100 MB and Meta's URL lasts 5 minutes (each attempt asks for a new one); a
// small total budget, because the conversation waits for it before its next message.
const media = proxyActivities<MediaActivities>({
  startToCloseTimeout: '3 minutes',
  scheduleToCloseTimeout: '4 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 6 },
});

export const inboundSignal = defineSignal<[InboundMessage]>(conversationMessages.inbound);
export const sendUpdate = defineUpdate<TSendMessageResponse, [SendRequest]>(conversationMessages.send);
export const commandUpdate = defineUpdate<{ conversationId: string }, [ConversationCommand]>(conversationMessages.command);
export const conversationStateQuery = defineQuery<ReturnType<ConversationState['carried']>>(conversationMessages.state);

/**
 * One contact's conversation on one number: the single writer of its messages, window and opt-out.
 * Inbound messages arrive as signals, sends as validated updates; it ends after a quiet period (the
 * next message restarts it from Postgres) and continues as new when its history grows.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const state = new ConversationState(input.seed, input.carried);
  setHandler(inboundSignal, (message) => state.accept(message));
  setHandler(conversationStateQuery, () => state.carried());
  setHandler(
    sendUpdate,
    async (request) => {
      const queued = await queueSend(request);
      return { messageId: queued.messageId, status: 'queued' as const, conversationId: state.seed.conversationId! };
    },
    { validator: (request) => state.assertCanSend(request, Date.now()) },
  );

  setHandler(
    commandUpdate,
    async (command) => {
      await applyCommand(command);
      return { conversationId: state.seed.conversationId! };
    },
    { validator: (_command: ConversationCommand) => state.assertHasConversation() },
  );

  const canSuggested = () => workflowInfo().continueAsNewSuggested;
  const publishing: Promise<void>[] = [];
  for (;;) {
    const active = await condition(() => state.hasWork() || canSuggested(), input.quietPeriodMs);
    if (!active && allHandlersFinished()) return;
    // Checked between items, so a steady stream of messages cannot keep the history growing forever.
    while (state.inbox.length && !canSuggested()) await handleInbound(state.inbox[0]).then(() => state.inbox.shift());
    while (state.outbox.length && !canSuggested()) await dispatch(state.outbox[0]).then(() => state.outbox.shift());
    await eventsPublished();
    if (canSuggested()) {
      await condition(allHandlersFinished);
      await eventsPublished();
      return continueAsNew<typeof conversationWorkflow>({ ...input, carried: state.carried() });
    }
  }

  async function applyCommand(command: ConversationCommand): Promise<void> {
    const conversationId = state.seed.conversationId!;
    state.applyCommand(command);
    const applied = await db.applyConversationCommand({ tenantId: input.tenantId, conversationId, command });
    if (applied.readWaMessageId) {
      // The customer's blue ticks are a courtesy: Meta being down must not fail the agent's click.
      await receipts.markReadAtMeta({ tenantId: input.tenantId, phoneNumberId: input.phoneNumberId, waMessageId: applied.readWaMessageId }).catch(() => undefined);
    }
    const payload: TRealtimePayload<'conversation.updated'> =
      command.type === 'handoff' ? { conversationId, change: command.type, reason: command.reason } : { conversationId, change: command.type };
    await publish([{ tenantId: input.tenantId, event: 'conversation.updated', payload }]);
  }

  async function queueSend(request: SendRequest): Promise<PendingSend> {
    const messageId = uuid4();
    const recorded = await db.recordOutbound({
      tenantId: input.tenantId,
      messageId,
      phoneNumberId: input.phoneNumberId,
      phone: input.phone,
      content: request.content,
      sender: request.sender,
      senderUserId: request.senderUserId,
    });
    state.seed.contactId = recorded.contactId;
    state.seed.conversationId = recorded.conversationId;
    const pending = { messageId, messageCreatedAt: recorded.messageCreatedAt, content: request.content };
    state.outbox.push(pending);
    publishAlongside([{ tenantId: input.tenantId, event: 'message.new', payload: { conversationId: recorded.conversationId, messageId } }]);
    return pending;
  }

  async function handleInbound(message: InboundMessage): Promise<void> {
    const recorded = await db.recordInbound({ tenantId: input.tenantId, message });
    state.markSeen(message.waMessageId);
    state.seed.contactId = recorded.contactId;
    state.seed.conversationId = recorded.conversationId;
    if (recorded.duplicate) return;
    state.reopenOnInbound();
    // Older histories decided the mode without the AI setting; they replay as they ran.
    if (patched('mode-follows-ai-setting')) state.followAiSetting(recorded.aiEnabled);
    const mediaRef = inboundMediaRef(message);
    if (mediaRef) {
      // The message is kept and shown even when its file cannot be fetched; its content then lacks mediaFileId.
      await media.storeInboundMedia({ tenantId: input.tenantId, messageId: recorded.messageId, phoneNumberId: message.phoneNumberId, ...mediaRef }).catch(() => undefined);
    }
    state.seed.lastInboundAt = Math.max(state.seed.lastInboundAt ?? 0, message.timestamp * 1000);
    publishAlongside([
      { tenantId: input.tenantId, event: 'message.new', payload: { conversationId: recorded.conversationId, messageId: recorded.messageId } },
      ...(recorded.contactCreated ? [{ tenantId: input.tenantId, event: 'contact.created' as const, payload: { contactId: recorded.contactId } }] : []),
    ]);
    // 'automation' and 'ignore' need nothing more today: no automation owns a conversation yet.
    const route = routeInbound({ text: message.type === 'text' ? String(message.content.body ?? '') : null, optedOut: state.seed.optedOut, mode: state.seed.mode });
    if (route.kind === 'opt_out') {
      await db.setOptOut({ tenantId: input.tenantId, contactId: recorded.contactId, optedOut: true });
      await queueSend({ content: { type: 'text', text: { body: optOutConfirmation } }, sender: 'system', senderUserId: null });
      state.seed.optedOut = true;
      if (patched('consent-event')) publishConsent(recorded.contactId, recorded.conversationId, true);
    } else if (route.kind === 'opt_in') {
      state.seed.optedOut = false;
      await db.setOptOut({ tenantId: input.tenantId, contactId: recorded.contactId, optedOut: false });
      await queueSend({ content: { type: 'text', text: { body: optInConfirmation } }, sender: 'system', senderUserId: null });
      if (patched('consent-event')) publishConsent(recorded.contactId, recorded.conversationId, false);
    } else if (route.kind === 'ai') {
      await takeAiTurn(
        state,
        { tenantId: input.tenantId, conversationId: recorded.conversationId, inboundMessageId: recorded.messageId, question: questionOf(message) },
        {
          reply: async (content) => {
            await queueSend({ content, sender: 'ai', senderUserId: null });
            state.seed.aiReplyCount += 1;
          },
          handOff: async (reason) => {
            await applyCommand({ type: 'handoff', reason });
            if (patched('handoff-message')) await tellCustomerOfHandoff();
          },
        },
      );
    }
  }

  /**
   * The customer hears that people will answer (or that the team is offline), as a 'system' message
   * like the opt-out confirmations: the business's notice, not an AI answer (no AI reply counted).
   */
  async function tellCustomerOfHandoff(): Promise<void> {
    const text = await db.findHandoffNotice({ tenantId: input.tenantId });
    if (!text) return;
    const content: TMessageContent = { type: 'text', text: { body: text } };
    if (sendRefusal(state.seed, content, Date.now()) !== null) return;
    await queueSend({ content, sender: 'system', senderUserId: null });
  }

  /** Every open inbox shows the opt-out state in the conversation's header, without a reload. */
  function publishConsent(contactId: string, conversationId: string, optedOut: boolean): void {
    publishAlongside([{ tenantId: input.tenantId, event: 'contact.consent', payload: { conversationId, contactId, optedOut } }]);
  }

  /** A file uploaded through POST /media is given to Meta by the sending number, then sent by its Meta id. */
  async function withMetaMedia(content: TMessageContent): Promise<TMessageContent> {
    if (!('media' in content) || !content.media.fileId) return content;
    const { metaMediaId } = await media.uploadMediaToMeta({ tenantId: input.tenantId, phoneNumberId: input.phoneNumberId, mediaFileId: content.media.fileId });
    const { fileId: _stored, ...rest } = content.media;
    return { ...content, media: { ...rest, id: metaMediaId } };
  }

  /**
   * Starts the publish without waiting for it, so it runs beside the next step (the AI call, the
   * dispatch) instead of adding a Temporal round trip before it; the loop waits for all of them
   * before it sleeps, continues as new or ends.
   */
  function publishAlongside(events: Parameters<ConversationActivities['publishEvents']>[0]): void {
    publishing.push(publish(events));
  }

  async function eventsPublished(): Promise<void> {
    while (publishing.length) await publishing.shift();
  }

  async function publish(events: Parameters<ConversationActivities['publishEvents']>[0]): Promise<void> {
    await realtime.publishEvents(events).catch(() => undefined);
  }

  async function dispatch(send: PendingSend): Promise<void> {
    try {
      const content = await withMetaMedia(send.content);
      await meta.dispatchMessage({
        tenantId: input.tenantId,
        messageId: send.messageId,
        messageCreatedAt: send.messageCreatedAt,
        phoneNumberId: input.phoneNumberId,
        to: input.phone,
        content,
      });
    } catch (err) {
      const failure = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const details = (failure?.details?.[0] ?? {}) as { code?: number; title?: string; explanation?: string };
      await db.markMessageFailed({
        tenantId: input.tenantId,
        messageId: send.messageId,
        messageCreatedAt: send.messageCreatedAt,
        code: details.code !== undefined ? String(details.code) : (failure?.type ?? 'send_failed'),
        title: details.title ?? 'Not sent',
        detail: details.explanation ?? failure?.message ?? 'The message could not be sent.',
      });
      await publish([{ tenantId: input.tenantId, event: 'message.status', payload: { conversationId: state.seed.conversationId!, messageId: send.messageId, status: 'failed' } }]);
    }
  }
}
