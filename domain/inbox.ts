import { z } from 'zod';
import { ZListQuerySchema } from './pagination';

export const conversationStatuses = ['open', 'pending', 'resolved'] as const;
export const conversationModes = ['ai', 'agent', 'automation'] as const;
export type TConversationStatus = (typeof conversationStatuses)[number];
/** Who answers: the AI, an agent (after a takeover or handoff), or an automation. */
export type TConversationMode = (typeof conversationModes)[number];

/** Who sends what we send: a teammate, the public API, Aerostic itself (opt-out confirmations), the AI, an automation. */
export const outboundSenders = ['agent', 'api', 'system', 'ai', 'automation'] as const;
export type TOutboundSender = (typeof outboundSenders)[number];
/** Every message's sender: the contact for inbound messages, one of the outbound senders otherwise. */
export const messageSenders = ['contact', ...outboundSenders] as const;
export type TMessageSender = (typeof messageSenders)[number];

export const ZConversationSchema = z.object({
  id: z.uuid(),
  contact: z.object({ id: z.uuid(), name: z.string().nullable(), phone: z.string() }),
  phoneNumberId: z.string(),
  status: z.enum(conversationStatuses),
  mode: z.enum(conversationModes),
  assignedTo: z.uuid().nullable(),
  lastMessageAt: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  unread: z.number().int(),
  aiReplyCount: z.number().int(),
  /** Why the AI handed the conversation to people (low_confidence, blocked_intent:refund, reply_cap, …). */
  handoffReason: z.string().nullable(),
  /** The contact sent STOP (and not START since): nothing but a START from them can be answered. */
  optedOut: z.boolean(),
  labels: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
});
export type TConversation = z.infer<typeof ZConversationSchema>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ZConversationListQuerySchema = ZListQuerySchema.extend({
  status: z.enum(conversationStatuses).optional(),
  mode: z.enum(conversationModes).optional(),
  mine: flag.optional(),
  unassigned: flag.optional(),
  /** Pending and unassigned or the caller's: the hand-offs waiting for this person (overrides `status`). */
  needsHuman: flag.optional(),
  q: z.string().max(100).trim().min(1).optional(),
  label: z.uuid().optional(),
});
export type TConversationListQuery = z.infer<typeof ZConversationListQuerySchema>;

/** The inbox's tab counts; `needsHuman` = pending and unassigned or the caller's (what the sidebar badge shows). */
export const ZConversationCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  needsHuman: z.number().int().nonnegative(),
});
export type TConversationCounts = z.infer<typeof ZConversationCountsSchema>;

export const ZInboxMessageSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  content: z.record(z.string(), z.unknown()),
  status: z.string(),
  waMessageId: z.string().nullable(),
  sender: z.enum(messageSenders),
  createdAt: z.string(),
  error: z.object({ code: z.string(), title: z.string().nullable(), detail: z.string().nullable() }).nullable(),
});
export type TInboxMessage = z.infer<typeof ZInboxMessageSchema>;

/** Commands on a conversation; each goes through its actor (DESIGN §1), never a direct write. */
export type ConversationCommand =
  | { type: 'takeover'; userId: string }
  | { type: 'release' }
  | { type: 'assign'; userId: string | null }
  | { type: 'resolve' }
  | { type: 'reopen' }
  | { type: 'markRead' }
  | { type: 'addNote'; noteId: string; authorId: string; body: string }
  | { type: 'addLabel'; labelId: string }
  | { type: 'removeLabel'; labelId: string }
  /** Issued by the actor itself when the AI hands the conversation to people. */
  | { type: 'handoff'; reason: string };

export const ZAssignSchema = z.object({ userId: z.uuid().nullable() });

export const ZNoteCreateSchema = z.object({ body: z.string().max(5000).trim().min(1) });
export const ZNoteSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type TNote = z.infer<typeof ZNoteSchema>;

export const ZLabelCreateSchema = z.object({
  name: z.string().max(40).trim().min(1),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a #rrggbb colour')
    .optional(),
});
export const ZLabelSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type TLabel = z.infer<typeof ZLabelSchema>;
export const ZConversationLabelSchema = z.object({ labelId: z.uuid() });

export const ZCannedResponseCreateSchema = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Letters, digits, - and _ (up to 40)'),
  body: z.string().max(4096).trim().min(1),
});
export const ZCannedResponseSchema = z.object({ id: z.uuid(), shortcut: z.string(), body: z.string(), updatedAt: z.string() });
export type TCannedResponse = z.infer<typeof ZCannedResponseSchema>;
