import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { TConversation, TConversationListQuery } from '../../domain/inbox';
import type { AuthPrincipal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { conversationRows, toConversation } from './conversation-view';

/** Newest activity first, keyset-paginated; filters for the inbox tabs. */
export async function listConversations(db: Database, keys: Pick<AppConfig, 'encryptionKeys'>, auth: AuthPrincipal, query: TConversationListQuery): Promise<{ data: TConversation[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['at', 'id'] as const);
  const rows = await withTenant(db.app, auth.tenantId, (trx) => {
    const q = conversationRows(trx).whereNotNull('c.last_message_at').orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id', order: 'desc' }]).limit(query.limit + 1);
    if (query.status) q.where('c.status', query.status);
    if (query.mode) q.where('c.mode', query.mode);
    if (query.mine) q.where('c.assigned_to', auth.userId);
    if (query.unassigned) q.whereNull('c.assigned_to');
    if (query.q) q.where((w) => w.whereILike('k.name', `%${query.q}%`).orWhereILike('k.profile_name', `%${query.q}%`).orWhere('k.phone_last4', query.q!.slice(-4)));
    if (query.label) q.whereExists((sub) => sub.select(trx.raw('1')).from('conversation_labels as cl').whereRaw('cl.conversation_id = c.id').where('cl.label_id', query.label!));
    if (after) q.whereRaw('(c.last_message_at, c.id) < (?::timestamptz, ?)', [after.at, after.id]);
    return q;
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => toConversation(keys, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }, ['at', 'id']) : null,
  };
}
