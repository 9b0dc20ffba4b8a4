import type { TAuthResponse } from '../../domain/auth';
import type { TAcceptInvite } from '../../domain/users';
import { AppError } from '../../domain/errors';
import { findInvitation } from '../../db/system/identity';
import { isUniqueViolation } from '../../db/errors';
import { withTenant } from '../../db/tenant-transaction';
import { getTenant } from '../../db/tenants/tenants';
import { activateInvitedUser } from '../../db/users/users';
import { hashPassword } from '../auth/passwords';
import { issueRefreshToken } from '../auth/refresh-tokens';
import { sha256 } from '../auth/secrets';
import { INVITATION_INVALID } from './look-up-invitation';
import { authResponse } from '../auth/sessions';
import type { ApiDeps } from '../deps';

export async function acceptInvite(deps: ApiDeps, input: TAcceptInvite): Promise<TAuthResponse & { refreshToken: string }> {
  const { db, config } = deps;
  const invitation = await findInvitation(db.system, sha256(input.token));
  if (!invitation) throw new AppError('not_found', INVITATION_INVALID);
  const passwordHash = await hashPassword(input.password);
  return withTenant(db.app, invitation.tenantId, async (trx) => {
    const user = await activateInvitedUser(trx, invitation.userId, passwordHash).catch((err: unknown) => {
      // The address got an account elsewhere since (or before) the invitation: reported only now.
      if (isUniqueViolation(err, 'users_email_unique')) throw new AppError('email_taken', 'An account with this email already exists; sign in with it instead');
      throw err;
    });
    if (!user) throw new Error('the invited user vanished');
    const tenant = await getTenant(trx, invitation.tenantId);
    const refreshToken = await issueRefreshToken(trx, { tenantId: tenant.id, userId: user.id }, config.jwt.refreshTtlDays);
    return { ...(await authResponse(config.jwt, user, tenant)), refreshToken };
  });
}
