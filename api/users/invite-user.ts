import type { TRole } from '../../domain/auth';
import type { TInviteUser, TInviteUserResponse } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { insertAuditLog } from '../../db/audit/audit-log';
import { findUser, insertInvitedUser } from '../../db/users/users';
import { findTenantName } from '../../db/tenants/tenants';
import { isUniqueViolation } from '../../db/errors';
import { withTenant } from '../../db/tenant-transaction';
import { assertWithinLimit } from '../../db/billing/usage';
import type { Mailer } from '../../integrations/notifications/mailer';
import type { AuthPrincipal } from '../auth/principal';
import { randomToken, sha256 } from '../auth/secrets';
import type { ApiDeps } from '../deps';
import { toTeamMember } from './team-member';

const INVITE_TTL_DAYS = 7;

/**
 * Creates an invited member, then emails the invitation; the link is also returned once, to the
 * inviting admin only, and only its hash is kept. The mail is sent after the invitation is committed:
 * a mail server that is down costs the email, never the invitation (`emailSent: false`, and the web
 * app shows the link to pass on). Whether the address has an account in another workspace is not
 * revealed here (that would let any admin probe for accounts): accepting is what reports the
 * conflict. Only an address already on this team is refused, since the admin sees the team anyway.
 */
export async function inviteUser(deps: ApiDeps, mailer: Mailer, actor: AuthPrincipal, input: TInviteUser): Promise<TInviteUserResponse> {
  const token = randomToken();
  const created = await withTenant(deps.db.app, actor.tenantId, async (trx) => {
    await assertWithinLimit(trx, 'agents');
    const user = await insertInvitedUser(trx, {
      tenantId: actor.tenantId,
      email: input.email,
      name: input.name,
      role: input.role,
      inviteTokenHash: sha256(token),
      inviteExpiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
      invitedBy: actor.userId,
    });
    await insertAuditLog(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.invited',
      targetType: 'user',
      targetId: user.id,
      metadata: { role: input.role },
    });
    return { user, inviterName: (await findUser(trx, actor.userId))?.name ?? 'Your admin', workspaceName: (await findTenantName(trx, actor.tenantId)) ?? 'their workspace' };
  }).catch((err: unknown) => {
    if (isUniqueViolation(err, 'users_tenant_email_unique')) throw new AppError('email_taken', 'This email is already on your team');
    throw err;
  });

  const inviteUrl = `${deps.config.publicUrl}/invite/${token}`;
  const emailSent = await mailer
    .deliver({
      tenantId: actor.tenantId,
      to: created.user.email,
      kind: 'team_invite',
      subject: `${created.inviterName} invited you to ${created.workspaceName} on Aerostic`,
      text: inviteText({ ...created, role: input.role, inviteUrl }),
      idempotencyKey: `team-invite:${created.user.id}:${sha256(token).slice(0, 16)}`,
    })
    .then(
      () => true,
      () => false,
    );
  return { user: toTeamMember(created.user), inviteToken: token, inviteUrl, emailSent };
}

function inviteText(invite: { inviterName: string; workspaceName: string; role: TRole; inviteUrl: string }): string {
  const role = invite.role === 'admin' ? 'an admin' : 'an agent';
  return [
    `${invite.inviterName} invited you to join ${invite.workspaceName} on Aerostic as ${role}.`,
    `Open this link to choose your password and join: ${invite.inviteUrl}`,
    `It works once, for ${INVITE_TTL_DAYS} days. If you were not expecting this, ignore this message.`,
  ].join('\n');
}
