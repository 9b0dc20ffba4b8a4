import type { TAuthResponse } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { withTenant } from '../../db/tenant-transaction';
import { getTenant } from '../../db/tenants/tenants';
import { findUser } from '../../db/users/users';
import type { ApiDeps } from '../deps';
import { rotateRefreshToken } from './refresh-tokens';
import { authResponse } from './sessions';

export async function refreshSession(deps: ApiDeps, presented: string | undefined, ip: string): Promise<TAuthResponse & { refreshToken: string }> {
  const { db, config } = deps;
  if (!presented) throw new AppError('refresh_token_invalid', 'No session; sign in');
  const rotated = await rotateRefreshToken(db, presented, config.jwt.refreshTtlDays, ip);
  return withTenant(db.app, rotated.tenantId, async (trx) => {
    const user = await findUser(trx, rotated.userId);
    if (!user || user.status !== 'active') throw new AppError('account_deactivated', 'This account is not active; ask your workspace admin');
    const tenant = await getTenant(trx, rotated.tenantId);
    return { ...(await authResponse(config.jwt, user, tenant)), refreshToken: rotated.refreshToken };
  });
}
