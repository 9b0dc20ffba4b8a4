import { z } from 'zod';
import {
  ZConversationCountsSchema,
  ZConversationSchema,
  ZInboxMessageSchema,
  ZNoteSchema,
  type TConversation,
  type TConversationCounts,
  type TConversationMode,
  type TConversationStatus,
  type TInboxMessage,
  type TNote,
} from '@domain/inbox';
import { ZPageSchema } from '@domain/pagination';
import { apiClient } from './client';

/**
 * The conversation as the inbox reads it. The AI and label fields default when absent so a web app
 * deployed ahead of its API (a rolling deploy) still shows the inbox instead of failing every row.
 */
export const ZConversationWireSchema = ZConversationSchema.extend({
  aiReplyCount: z.number().int().default(0),
  handoffReason: z.string().nullable().default(null),
  optedOut: z.boolean().default(false),
  labels: ZConversationSchema.shape.labels.default([]),
});

/** Meta sends `contacts` messages as an array; it is kept as `{ contacts: [...] }` so every content is an object. */
const ZMessageWireSchema = ZInboxMessageSchema.extend({
  content: z.unknown().transform((c): Record<string, unknown> => (Array.isArray(c) ? { contacts: c } : c && typeof c === 'object' ? (c as Record<string, unknown>) : {})),
});

const ZConversationPageSchema = ZPageSchema(ZConversationWireSchema);
const ZMessagePageSchema = ZPageSchema(ZMessageWireSchema);
const ZNotesSchema = z.object({ data: z.array(ZNoteSchema) });

export interface ConversationQuery {
  status?: TConversationStatus;
  mode?: TConversationMode;
  mine?: boolean;
  unassigned?: boolean;
  needsHuman?: boolean;
  label?: string;
  q?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const path = (id: string, rest = '') => `/conversations/${encodeURIComponent(id)}${rest}`;

export function listConversations(query: ConversationQuery, cursor?: string, limit = 30): Promise<Page<TConversation>> {
  return apiClient.get('/conversations', ZConversationPageSchema, {
    limit,
    cursor,
    status: query.status,
    mode: query.mode,
    mine: query.mine ? 'true' : undefined,
    unassigned: query.unassigned ? 'true' : undefined,
    needsHuman: query.needsHuman ? 'true' : undefined,
    label: query.label,
    q: query.q?.trim() || undefined,
  });
}

export function fetchConversationCounts(): Promise<TConversationCounts> {
  return apiClient.get('/conversations/counts', ZConversationCountsSchema);
}

export function fetchConversation(id: string): Promise<TConversation> {
  return apiClient.get(path(id), ZConversationWireSchema);
}

/** Newest first, as the API pages them. */
export function listMessages(conversationId: string, cursor?: string, limit = 30): Promise<Page<TInboxMessage>> {
  return apiClient.get(path(conversationId, '/messages'), ZMessagePageSchema, { limit, cursor });
}

export type ConversationAction = 'takeover' | 'release' | 'resolve' | 'reopen' | 'read';

export function runConversationAction(id: string, action: ConversationAction): Promise<TConversation> {
  return apiClient.post(path(id, `/${action}`), undefined, ZConversationWireSchema);
}

export function assignConversation(id: string, userId: string | null): Promise<TConversation> {
  return apiClient.post(path(id, '/assign'), { userId }, ZConversationWireSchema);
}

export async function listNotes(conversationId: string): Promise<TNote[]> {
  return (await apiClient.get(path(conversationId, '/notes'), ZNotesSchema)).data;
}

export function addNote(conversationId: string, body: string): Promise<TNote> {
  return apiClient.post(path(conversationId, '/notes'), { body }, ZNoteSchema);
}

export function attachLabel(conversationId: string, labelId: string): Promise<TConversation> {
  return apiClient.post(path(conversationId, '/labels'), { labelId }, ZConversationWireSchema);
}

export function detachLabel(conversationId: string, labelId: string): Promise<TConversation> {
  return apiClient.delete(path(conversationId, `/labels/${encodeURIComponent(labelId)}`), ZConversationWireSchema);
}
