import type { TInvitation } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { findInvitation } from '../../db/system/identity';
import { withTenant } from '../../db/tenant-transaction';
import { findTenantName } from '../../db/tenants/tenants';
import { findInvitationView, findUser } from '../../db/users/users';
import { sha256 } from '../auth/secrets';
import type { ApiDeps } from '../deps';

export const INVITATION_INVALID = 'This invitation is not valid or has expired; ask for a new one';

/**
 * What the invite page shows before the password is chosen: the workspace, who invited, the role and
 * the address, and nothing else of the workspace or the inviter (no ids, no inviter email, no trial).
 */
export async function lookUpInvitation(deps: ApiDeps, token: string): Promise<TInvitation> {
  const invitation = await findInvitation(deps.db.system, sha256(token));
  if (!invitation) throw new AppError('not_found', INVITATION_INVALID);
  return withTenant(deps.db.app, invitation.tenantId, async (trx) => {
    const invitee = await findInvitationView(trx, invitation.userId);
    if (!invitee) throw new AppError('not_found', INVITATION_INVALID);
    const inviter = invitee.invitedBy ? await findUser(trx, invitee.invitedBy) : undefined;
    return { workspaceName: (await findTenantName(trx, invitation.tenantId)) ?? '', inviterName: inviter?.name ?? null, role: invitee.role, email: invitee.email };
  });
}
