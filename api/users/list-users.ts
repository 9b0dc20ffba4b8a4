import type { TListQuery } from '../../domain/pagination';
import type { TTeamMember } from '../../domain/users';
import { withTenant } from '../../db/tenant-transaction';
import type { Database } from '../../db/connection';
import { listUsersPage } from '../../db/users/user-lists';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { toTeamMember } from './team-member';

export async function listUsers(db: Database, tenantId: string, page: TListQuery): Promise<{ data: TTeamMember[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor, ['createdAt', 'id'] as const);
  const rows = await withTenant(db.app, tenantId, (trx) => listUsersPage(trx, { after, limit: page.limit + 1 }));
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  const nextCursor = rows.length > page.limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }, ['createdAt', 'id']) : null;
  return { data: data.map(toTeamMember), nextCursor };
}
