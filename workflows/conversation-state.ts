import { ApplicationFailure } from '@temporalio/workflow';
import type { ConversationCarried, ConversationSeed, PendingSend, SendRequest } from '../domain/conversation';
import { newConversationSeed, sendRefusal } from '../domain/conversation';
import type { ConversationCommand } from '../domain/inbox';
import { conversationChange } from '../domain/conversation-transitions';
import { followAiSetting, reopenOnInbound } from '../domain/inbound-routing';
import type { InboundMessage } from '../domain/messages';

const MAX_SEEN = 200;

/** The conversation actor's private state and rules, apart from Temporal wiring. */
export class ConversationState {
  readonly seed: ConversationSeed;
  readonly seen: string[];
  readonly inbox: InboundMessage[];
  readonly outbox: PendingSend[];

  constructor(seed: ConversationSeed, carried?: ConversationCarried) {
    // Histories carried from before a seed field existed get its default.
    this.seed = { ...newConversationSeed, ...(carried?.seed ?? seed) };
    this.seen = carried?.seenWaMessageIds ?? [];
    this.inbox = carried?.inbox ?? [];
    this.outbox = carried?.outbox ?? [];
  }

  accept(message: InboundMessage): void {
    if (this.seen.includes(message.waMessageId) || this.inbox.some((m) => m.waMessageId === message.waMessageId)) return;
    this.inbox.push(message);
  }

  markSeen(waMessageId: string): void {
    this.seen.push(waMessageId);
    if (this.seen.length > MAX_SEEN) this.seen.shift();
  }

  /** Thrown from the update validator: the request never enters history. */
  assertCanSend(request: SendRequest, now: number): void {
    const refusal = sendRefusal(this.seed, request.content, now);
    if (refusal === 'contact_opted_out') throw ApplicationFailure.nonRetryable('This contact has opted out of messages (they sent STOP)', refusal);
    if (refusal === 'window_closed') {
      throw ApplicationFailure.nonRetryable('The 24-hour customer-service window is closed: only an approved template can start the conversation again', refusal);
    }
  }

  assertHasConversation(): void {
    if (!this.seed.conversationId) throw ApplicationFailure.nonRetryable('This conversation does not exist yet', 'not_found');
  }

  /**
   * Applied in memory the moment a command arrives, before its write: the AI checks `mode` after
   * every Gemini call, so a takeover locks it even for an answer already in flight.
   */
  applyCommand(command: ConversationCommand): void {
    const { mode, status, aiReplyCount } = conversationChange(command);
    if (mode) this.seed.mode = mode;
    if (status) this.seed.status = status;
    if (aiReplyCount !== undefined) this.seed.aiReplyCount = aiReplyCount;
  }

  /** The domain's reopen rule, the same one `recordInboundConversation` applies to the row. */
  reopenOnInbound(): void {
    const { status, mode, aiReplyCount } = reopenOnInbound({ ...this.seed, handoffReason: null });
    Object.assign(this.seed, { status, mode, aiReplyCount });
  }

  /** The domain's follow-the-AI-setting rule, the same one `recordInboundConversation` applies to the row. */
  followAiSetting(aiEnabled: boolean): void {
    this.seed.mode = followAiSetting({ ...this.seed, handoffReason: null }, aiEnabled).mode;
  }

  hasWork(): boolean {
    return this.inbox.length > 0 || this.outbox.length > 0;
  }

  carried(): ConversationCarried {
    return { seed: this.seed, seenWaMessageIds: this.seen, inbox: this.inbox, outbox: this.outbox };
  }
}
