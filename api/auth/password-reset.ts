import type { Mailer } from '../../integrations/notifications/mailer';
import type { TPasswordReset } from '../../domain/auth';
import { insertAuditLog } from '../../db/audit/audit-log';
import { revokeUserRefreshTokens } from '../../db/auth/refresh-tokens';
import { findActiveAccountByEmail } from '../../db/system/account-tokens';
import { withTenant } from '../../db/tenant-transaction';
import { markEmailVerified, setUserPassword } from '../../db/users/users';
import type { ApiDeps } from '../deps';
import { issueAccountToken, withAccountToken } from './account-tokens';
import { hashPassword } from './passwords';

const RESET_TTL_MS = 30 * 60_000;

/** Mails a reset link when an active account has this address; says nothing either way. */
export async function requestPasswordReset(deps: ApiDeps, mailer: Mailer, email: string): Promise<void> {
  const account = await findActiveAccountByEmail(deps.db.system, email);
  if (!account) return;
  const token = await withTenant(deps.db.app, account.tenantId, (trx) => issueAccountToken(trx, account, 'reset_password', RESET_TTL_MS));
  const link = `${deps.config.publicUrl}/reset-password#token=${token}`;
  await mailer.send({
    tenantId: account.tenantId,
    to: account.email,
    kind: 'password_reset',
    subject: 'Reset your Aerostic password',
    text: `Open this link to choose a new password: ${link}\nIt works once, for 30 minutes, and signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.`,
    idempotencyKey: `reset-password:${account.userId}:${token.slice(0, 16)}`,
  });
}

/**
 * Sets the new password and ends every session of the account. Opening the mailed link also proves
 * the address, so it counts as verified.
 */
export async function resetPassword(deps: ApiDeps, input: TPasswordReset, ip: string): Promise<void> {
  await withAccountToken(deps.db, input.token, 'reset_password', async (trx, owner) => {
    const passwordHash = await hashPassword(input.password);
    await setUserPassword(trx, owner.userId, passwordHash);
    await markEmailVerified(trx, owner.userId);
    await revokeUserRefreshTokens(trx, owner.userId, 'password_reset');
    await insertAuditLog(trx, { tenantId: owner.tenantId, actorUserId: owner.userId, action: 'user.password_reset', targetType: 'user', targetId: owner.userId, ip });
  });
}
