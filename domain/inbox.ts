import { z } from 'zod';
import { ZListQuerySchema } from './pagination';

export const conversationStatuses = ['open', 'pending', 'resolved'] as const;
export const conversationModes = ['ai', 'agent', 'automation'] as const;

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
});
export type TConversation = z.infer<typeof ZConversationSchema>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ZConversationListQuerySchema = ZListQuerySchema.extend({
  status: z.enum(conversationStatuses).optional(),
  mode: z.enum(conversationModes).optional(),
  mine: flag.optional(),
  unassigned: flag.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type TConversationListQuery = z.infer<typeof ZConversationListQuerySchema>;

export const ZInboxMessageSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  content: z.record(z.string(), z.unknown()),
  status: z.string(),
  waMessageId: z.string().nullable(),
  sender: z.string(),
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
  | { type: 'markRead' };

export const ZAssignSchema = z.object({ userId: z.uuid().nullable() });
