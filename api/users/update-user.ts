import type { TUpdateUser } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { insertAuditLog } from '../../db/audit/audit-log';
import { revokeUserRefreshTokens } from '../../db/auth/refresh-tokens';
import { withTenant } from '../../db/tenant-transaction';
import { countActiveAdmins, findUserForUpdate, updateUserAccess } from '../../db/users/users';
import type { Database } from '../../db/connection';
import type { AuthPrincipal } from '../auth/principal';
import { toTeamMember } from './team-member';

/** Changes a member's role or deactivates them; a workspace always keeps at least one active admin. */
export async function updateUser(db: Database, actor: AuthPrincipal, userId: string, change: TUpdateUser) {
  return withTenant(db.app, actor.tenantId, async (trx) => {
    const user = await findUserForUpdate(trx, userId);
    if (!user) throw new AppError('not_found', 'No such user in this workspace');
    const losesAdmin = user.role === 'admin' && user.status === 'active' && (change.role === 'agent' || change.status === 'deactivated');
    if (losesAdmin) {
      if ((await countActiveAdmins(trx)) <= 1) throw new AppError('conflict', 'A workspace needs at least one active admin');
    }
    if (change.status === 'active' && user.status === 'invited') {
      throw new AppError('conflict', 'An invited user becomes active by accepting the invitation');
    }
    const updated = await updateUserAccess(trx, userId, change);
    if (!updated) throw new Error('the locked user vanished');
    if (change.status === 'deactivated') await revokeUserRefreshTokens(trx, userId, 'deactivated');
    await insertAuditLog(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.updated', targetType: 'user', targetId: userId, metadata: change });
    return toTeamMember(updated);
  });
}
