import type { TListQuery } from '../../domain/pagination';
import type { TTeamMember } from '../../domain/users';
import { User } from '../../db/models/user';
import { withTenant } from '../../db/tenant-transaction';
import type { Database } from '../../db/connection';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toTeamMember } from './team-member';

export async function listUsers(db: Database, tenantId: string, page: TListQuery): Promise<{ data: TTeamMember[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor, ['createdAt', 'id'] as const);
  const rows = await withTenant(db.app, tenantId, (trx) => {
    // The cursor keeps Postgres' own microsecond timestamp text; a JS Date would round it to milliseconds.
    const query = User.query(trx)
      .select('users.*', trx.raw('created_at::text as cursor_at'))
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .limit(page.limit + 1);
    if (after) query.whereRaw('(created_at, id) > (?::timestamptz, ?)', [after.createdAt, after.id]);
    return query;
  });
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  const nextCursor = rows.length > page.limit && last ? encodeCursor({ createdAt: (last as User & { cursorAt: string }).cursorAt, id: last.id }, ['createdAt', 'id']) : null;
  return { data: data.map(toTeamMember), nextCursor };
}
