import type { TUpdateUser } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { AuditLog } from '../../db/models/audit-log';
import { User } from '../../db/models/user';
import { withTenant } from '../../db/tenant-transaction';
import type { Database } from '../../db/connection';
import type { AuthPrincipal } from '../auth/principal';
import { revokeUserRefreshTokens } from '../auth/refresh-tokens';
import { toTeamMember } from './team-member';

/** Changes a member's role or deactivates them; a workspace always keeps at least one active admin. */
export async function updateUser(db: Database, actor: AuthPrincipal, userId: string, change: TUpdateUser) {
  return withTenant(db.app, actor.tenantId, async (trx) => {
    const user = await User.query(trx).findById(userId).forUpdate();
    if (!user) throw new AppError('not_found', 'No such user in this workspace');
    const losesAdmin = user.role === 'admin' && user.status === 'active' && (change.role === 'agent' || change.status === 'deactivated');
    if (losesAdmin) {
      const admins = await User.query(trx).where({ role: 'admin', status: 'active' }).resultSize();
      if (admins <= 1) throw new AppError('conflict', 'A workspace needs at least one active admin');
    }
    if (change.status === 'active' && user.status === 'invited') {
      throw new AppError('conflict', 'An invited user becomes active by accepting the invitation');
    }
    const updated = await User.query(trx).patchAndFetchById(userId, { ...change, updatedAt: new Date() });
    if (change.status === 'deactivated') await revokeUserRefreshTokens(trx, userId, 'deactivated');
    await AuditLog.query(trx).insert({ tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.updated', targetType: 'user', targetId: userId, metadata: change });
    return toTeamMember(updated);
  });
}
