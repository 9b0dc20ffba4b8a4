import type { TAuthResponse, TLogin } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { findLoginCandidate, type LoginCandidate } from '../../db/system/identity';
import { withTenant } from '../../db/tenant-transaction';
import { getTenant } from '../../db/tenants/tenants';
import { recordUserLogin } from '../../db/users/users';
import type { ApiDeps } from '../deps';
import { recordAuthEvent } from './auth-audit';
import { verifyPassword } from './passwords';
import { issueRefreshToken } from './refresh-tokens';
import { authResponse } from './sessions';

/** One answer for unknown email and wrong password, so login never reveals who has an account. */
export async function login(deps: ApiDeps, input: TLogin, ip: string): Promise<TAuthResponse & { refreshToken: string }> {
  const { db, config } = deps;
  const candidate = await findLoginCandidate(db.system, input.email);
  const passwordOk = await verifyPassword(candidate?.passwordHash, input.password);
  if (!candidate) {
    deps.logger.info({ ip }, 'login failed: no such account');
    throw invalidCredentials();
  }
  if (!passwordOk || candidate.status !== 'active') {
    // Not awaited: an account that exists must answer as fast as one that doesn't.
    void auditFailure(deps, candidate, ip, passwordOk ? candidate.status : 'wrong_password');
    if (!passwordOk) throw invalidCredentials();
    throw new AppError('account_deactivated', 'This account is not active; ask your workspace admin');
  }

  return withTenant(db.app, candidate.tenantId, async (trx) => {
    const user = await recordUserLogin(trx, candidate.userId);
    if (!user) throw new Error('the signed-in user vanished');
    await recordAuthEvent(trx, { tenantId: candidate.tenantId, userId: candidate.userId, action: 'auth.login', ip });
    const tenant = await getTenant(trx, candidate.tenantId);
    const refreshToken = await issueRefreshToken(trx, { tenantId: tenant.id, userId: user.id }, config.jwt.refreshTtlDays);
    return { ...(await authResponse(config.jwt, user, tenant)), refreshToken };
  });
}

function invalidCredentials(): AppError {
  return new AppError('invalid_credentials', 'Email or password is not right');
}

async function auditFailure(deps: ApiDeps, candidate: LoginCandidate, ip: string, reason: string): Promise<void> {
  try {
    await withTenant(deps.db.app, candidate.tenantId, (trx) =>
      recordAuthEvent(trx, { tenantId: candidate.tenantId, userId: candidate.userId, action: 'auth.login_failed', ip, metadata: { reason } }),
    );
  } catch (err) {
    deps.logger.error({ err, tenantId: candidate.tenantId }, 'could not record a failed login');
  }
}
