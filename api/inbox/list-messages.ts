import type { Database } from '../../db/connection';
import { conversationExists } from '../../db/inbox/conversations';
import { listMessages as readMessages } from '../../db/inbox/messages';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import type { TInboxMessage } from '../../domain/inbox';
import type { TListQuery } from '../../domain/pagination';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toInboxMessageView } from './conversation-view';

/** A conversation's messages, newest first, in cursor pages (the (conversation_id, created_at) index). */
export async function listMessages(db: Database, tenantId: string, conversationId: string, page: TListQuery): Promise<{ data: TInboxMessage[]; nextCursor: string | null }> {
  const before = decodeCursor(page.cursor, ['at', 'id'] as const);
  const rows = await withTenant(db.app, tenantId, async (trx) => {
    if (!(await conversationExists(trx, conversationId))) throw new AppError('not_found', 'No such conversation');
    return readMessages(trx, conversationId, { before: before ?? undefined, limit: page.limit + 1 });
  });
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return {
    data: data.map(toInboxMessageView),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }, ['at', 'id']) : null,
  };
}
