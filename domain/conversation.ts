import type { TConversationMode, TConversationStatus, TOutboundSender } from './inbox';
import type { InboundMessage, TMessageContent } from './messages';

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** What the API knows from Postgres when it (re)starts a conversation actor. */
export interface ConversationSeed {
  lastInboundAt: number | null;
  optedOut: boolean;
  contactId: string | null;
  conversationId: string | null;
  status: TConversationStatus;
  mode: TConversationMode;
  /** AI replies since the conversation was last given to the AI (the cap). */
  aiReplyCount: number;
}

export const newConversationSeed: ConversationSeed = { lastInboundAt: null, optedOut: false, contactId: null, conversationId: null, status: 'open', mode: 'ai', aiReplyCount: 0 };

export interface ConversationWorkflowInput {
  tenantId: string;
  contactKey: string;
  phoneNumberId: string;
  /** E.164; travels only inside encrypted payloads (the codec), never in ids or search attributes. */
  phone: string;
  seed: ConversationSeed;
  /** How long without messages before the actor ends itself (the next message restarts it). */
  quietPeriodMs: number;
  carried?: ConversationCarried;
}

export interface PendingSend {
  messageId: string;
  messageCreatedAt: string;
  content: TMessageContent;
}

export interface ConversationCarried {
  seed: ConversationSeed;
  seenWaMessageIds: string[];
  inbox: InboundMessage[];
  outbox: PendingSend[];
}

export interface SendRequest {
  content: TMessageContent;
  senderUserId: string | null;
  sender: TOutboundSender;
}

export type SendRefusal = 'window_closed' | 'contact_opted_out';

/** The rules the `send` update's validator applies (pure, so the API and the workflow agree). */
export function sendRefusal(seed: ConversationSeed, content: TMessageContent, now: number): SendRefusal | null {
  if (seed.optedOut) return 'contact_opted_out';
  const windowOpen = seed.lastInboundAt !== null && now - seed.lastInboundAt < WINDOW_MS;
  if (content.type !== 'template' && !windowOpen) return 'window_closed';
  return null;
}
