import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import type { TInboxMessage } from '../../domain/inbox';
import type { TListQuery } from '../../domain/pagination';
import { decodeCursor, encodeCursor } from '../http/cursor';

/** A conversation's messages, newest first, in cursor pages (the (conversation_id, created_at) index). */
export async function listMessages(db: Database, tenantId: string, conversationId: string, page: TListQuery): Promise<{ data: TInboxMessage[]; nextCursor: string | null }> {
  const before = decodeCursor(page.cursor, ['at', 'id'] as const);
  const rows = await withTenant(db.app, tenantId, async (trx) => {
    if (!(await trx('conversations').where({ id: conversationId }).first('id'))) throw new AppError('not_found', 'No such conversation');
    const q = trx('messages')
      .where({ conversation_id: conversationId })
      .select('*', trx.raw('created_at::text as cursor_at'))
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(page.limit + 1);
    if (before) q.whereRaw('(created_at, id) < (?::timestamptz, ?)', [before.at, before.id]);
    return q;
  });
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return {
    data: data.map((m) => ({
      id: m.id,
      direction: m.direction,
      type: m.type,
      content: m.content,
      status: m.status,
      waMessageId: m.wa_message_id,
      sender: m.sender,
      createdAt: m.created_at.toISOString(),
      error: m.error_code ? { code: m.error_code, title: m.error_title, detail: m.error_detail } : null,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }, ['at', 'id']) : null,
  };
}
