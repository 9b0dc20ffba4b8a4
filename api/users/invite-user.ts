import type { TInviteUser } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { insertAuditLog } from '../../db/audit/audit-log';
import { insertInvitedUser } from '../../db/users/users';
import { isUniqueViolation } from '../../db/errors';
import { withTenant } from '../../db/tenant-transaction';
import { assertWithinLimit } from '../../db/billing/usage';
import type { AuthPrincipal } from '../auth/principal';
import { randomToken, sha256 } from '../auth/secrets';
import type { ApiDeps } from '../deps';
import { toTeamMember } from './team-member';

const INVITE_TTL_MS = 7 * 86_400_000;

/**
 * Creates an invited member; the invite link is returned once and only its hash is kept. Whether the
 * address has an account in another workspace is not revealed here (that would let any admin probe
 * for accounts): the invitation is created either way, and accepting it is what reports the conflict.
 * Only an address already on this team is refused, since the admin sees the team anyway.
 */
export async function inviteUser(deps: ApiDeps, actor: AuthPrincipal, input: TInviteUser) {
  const token = randomToken();
  try {
    const user = await withTenant(deps.db.app, actor.tenantId, async (trx) => {
      await assertWithinLimit(trx, 'agents');
      const created = await insertInvitedUser(trx, {
        tenantId: actor.tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        inviteTokenHash: sha256(token),
        inviteExpiresAt: new Date(Date.now() + INVITE_TTL_MS),
        invitedBy: actor.userId,
      });
      await insertAuditLog(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: 'user.invited',
        targetType: 'user',
        targetId: created.id,
        metadata: { role: input.role },
      });
      return created;
    });
    return { user: toTeamMember(user), inviteToken: token, inviteUrl: `${deps.config.publicUrl}/invite/${token}` };
  } catch (err) {
    if (isUniqueViolation(err, 'users_tenant_email_unique')) throw new AppError('email_taken', 'This email is already on your team');
    throw err;
  }
}
