import type { TAuthResponse, TLogin } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { Tenant } from '../../db/models/tenant';
import { User } from '../../db/models/user';
import { findLoginCandidate } from '../../db/system/identity';
import { withTenant } from '../../db/tenant-transaction';
import type { ApiDeps } from '../deps';
import { verifyPassword } from './passwords';
import { issueRefreshToken } from './refresh-tokens';
import { authResponse } from './sessions';

/** One answer for unknown email and wrong password, so login never reveals who has an account. */
export async function login(deps: ApiDeps, input: TLogin): Promise<TAuthResponse & { refreshToken: string }> {
  const { db, config } = deps;
  const candidate = await findLoginCandidate(db.system, input.email);
  const passwordOk = await verifyPassword(candidate?.passwordHash, input.password);
  if (!candidate || !passwordOk) throw new AppError('invalid_credentials', 'Email or password is not right');
  if (candidate.status !== 'active') throw new AppError('account_deactivated', 'This account is not active; ask your workspace admin');

  return withTenant(db.app, candidate.tenantId, async (trx) => {
    const user = await User.query(trx).patchAndFetchById(candidate.userId, { lastLoginAt: new Date() });
    const tenant = await Tenant.query(trx).findById(candidate.tenantId).throwIfNotFound();
    const refreshToken = await issueRefreshToken(trx, { tenantId: tenant.id, userId: user.id }, config.jwt.refreshTtlDays);
    return { ...(await authResponse(config.jwt, user, tenant)), refreshToken };
  });
}
