import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { listConversationListings } from '../../db/inbox/conversations';
import { withTenant } from '../../db/tenant-transaction';
import type { TConversation, TConversationListQuery } from '../../domain/inbox';
import type { AuthPrincipal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toConversationView } from './conversation-view';

/** Newest activity first, keyset-paginated; filters for the inbox tabs. */
export async function listConversations(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys'>,
  auth: AuthPrincipal,
  query: TConversationListQuery,
): Promise<{ data: TConversation[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['at', 'id'] as const);
  const rows = await withTenant(db.app, auth.tenantId, (trx) =>
    listConversationListings(trx, {
      status: query.needsHuman ? undefined : query.status,
      mode: query.mode,
      assignedTo: query.mine ? auth.userId : undefined,
      unassigned: query.unassigned,
      waitingFor: query.needsHuman ? auth.userId : undefined,
      q: query.q,
      labelId: query.label,
      before: after ?? undefined,
      limit: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => toConversationView(keys, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt!, id: last.id }, ['at', 'id']) : null,
  };
}
