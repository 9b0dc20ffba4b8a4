import type { Knex } from 'knex';
import type { DeliveryStatus } from '../../domain/messages';
import type { TMessageSender } from '../../domain/inbox';
import type { Insertable, Writable } from '../row-types';

/** A `messages` row (partitioned by month on created_at, so (id, created_at) is the key). */
export interface MessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  contact_id: string;
  direction: 'inbound' | 'outbound';
  type: string;
  content: Record<string, unknown>;
  status: string;
  wa_message_id: string | null;
  sender: TMessageSender;
  sender_user_id: string | null;
  error_code: string | null;
  error_title: string | null;
  error_detail: string | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The Meta message id → message index (`message_wa_ids`): finds a message from a webhook. */
export interface MessageWaIdRow {
  tenant_id: string;
  wa_message_id: string;
  message_id: string;
  message_created_at: Date;
}

type MessageInsert = Insertable<MessageRow, 'id' | 'tenant_id' | 'conversation_id' | 'contact_id' | 'direction' | 'type' | 'status'>;

declare module 'knex/types/tables' {
  interface Tables {
    messages: Knex.CompositeTableType<MessageRow, MessageInsert, Writable<MessageRow>>;
    message_wa_ids: Knex.CompositeTableType<MessageWaIdRow, Insertable<MessageWaIdRow, keyof MessageWaIdRow>, Writable<MessageWaIdRow>>;
  }
}

/** A message as the inbox shows it. */
export interface Message {
  id: string;
  direction: MessageRow['direction'];
  type: string;
  content: Record<string, unknown>;
  status: string;
  waMessageId: string | null;
  sender: TMessageSender;
  createdAt: Date;
  error: { code: string; title: string | null; detail: string | null } | null;
  /** created_at as Postgres prints it (microseconds), the keyset cursor's position. */
  cursorAt: string;
}

const toMessage = (m: MessageRow & { cursor_at: string }): Message => ({
  id: m.id,
  direction: m.direction,
  type: m.type,
  content: m.content,
  status: m.status,
  waMessageId: m.wa_message_id,
  sender: m.sender,
  createdAt: m.created_at,
  error: m.error_code ? { code: m.error_code, title: m.error_title, detail: m.error_detail } : null,
  cursorAt: m.cursor_at,
});

/** A conversation's messages, newest first (the (conversation_id, created_at) index), older than `before`. */
export async function listMessages(trx: Knex, conversationId: string, page: { before?: { at: string; id: string }; limit: number }): Promise<Message[]> {
  const q = trx('messages')
    .where({ conversation_id: conversationId })
    .select('*', trx.raw('created_at::text as cursor_at'))
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(page.limit);
  if (page.before) q.whereRaw('(created_at, id) < (?::timestamptz, ?)', [page.before.at, page.before.id]);
  return ((await q) as (MessageRow & { cursor_at: string })[]).map(toMessage);
}

/** Where a message is, by its id (an outbound message being recorded again on a retry). */
export async function findMessagePlace(trx: Knex, id: string): Promise<{ contactId: string; conversationId: string; createdAt: Date } | undefined> {
  const row = await trx('messages').where({ id }).first('contact_id', 'conversation_id', 'created_at');
  return row && { contactId: row.contact_id, conversationId: row.conversation_id, createdAt: row.created_at };
}

/** The message Meta knows by this id, if we stored it. */
export async function findMessageByWaId(trx: Knex, waMessageId: string): Promise<{ messageId: string; createdAt: Date } | undefined> {
  const row = await trx('message_wa_ids').where({ wa_message_id: waMessageId }).first('message_id', 'message_created_at');
  return row && { messageId: row.message_id, createdAt: row.message_created_at };
}

/** Stores a message; one Meta already numbered (an inbound one) is indexed by that id too. */
export async function insertMessage(trx: Knex, row: MessageInsert & { created_at: Date }): Promise<void> {
  await trx('messages').insert(row);
  if (row.wa_message_id) await trx('message_wa_ids').insert({ tenant_id: row.tenant_id, wa_message_id: row.wa_message_id, message_id: row.id, message_created_at: row.created_at });
}

export async function newestInboundWaId(trx: Knex, conversationId: string): Promise<string | null> {
  const row = await trx('messages')
    .where({ conversation_id: conversationId, direction: 'inbound' })
    .whereNotNull('wa_message_id')
    .orderBy('created_at', 'desc')
    .first('wa_message_id');
  return row?.wa_message_id ?? null;
}

/** The last `limit` text messages of a conversation but one, newest first. */
export async function recentTextMessages(trx: Knex, conversationId: string, excludeMessageId: string, limit: number): Promise<Pick<MessageRow, 'direction' | 'content'>[]> {
  return trx('messages')
    .where({ conversation_id: conversationId, type: 'text' })
    .whereNot({ id: excludeMessageId })
    .orderBy('created_at', 'desc')
    .limit(limit)
    .select('direction', 'content');
}

const RANK_SQL = `case status when 'sent' then 1 when 'failed' then 1.5 when 'delivered' then 2 when 'read' then 3 else 0 end`;
const TIME_COLUMN = { sent: 'sent_at', delivered: 'delivered_at', read: 'read_at', failed: 'failed_at' } as const;

/**
 * Moves a message to a delivery status only when it ranks above the stored one (a late `sent` never
 * overwrites `read`). Answers the message's conversation when it changed, else undefined.
 */
export async function advanceMessageStatus(
  trx: Knex,
  target: { messageId: string; createdAt: Date },
  change: { status: DeliveryStatus['status']; rank: number; at: Date; error?: { code: string; title: string; detail: string } },
): Promise<string | undefined> {
  const error = change.error ? { error_code: change.error.code, error_title: change.error.title, error_detail: change.error.detail } : {};
  const changed = await trx('messages')
    .where({ id: target.messageId, created_at: target.createdAt })
    .whereRaw(`(${RANK_SQL}) < ?`, [change.rank])
    .update({ status: change.status, [TIME_COLUMN[change.status]]: change.at, updated_at: new Date(), ...error })
    .returning(['conversation_id']);
  return changed[0]?.conversation_id;
}

/** A send that failed for good keeps the provider's code and a human explanation (once: a failed message stays as it is). */
export async function markMessageFailed(trx: Knex, target: { messageId: string; createdAt: Date }, error: { code: string; title: string; detail: string }): Promise<void> {
  await trx('messages')
    .where({ id: target.messageId, created_at: target.createdAt })
    .whereNot({ status: 'failed' })
    .update({ status: 'failed', failed_at: new Date(), error_code: error.code, error_title: error.title, error_detail: error.detail, updated_at: new Date() });
}
