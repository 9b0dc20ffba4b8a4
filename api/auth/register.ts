import { randomUUID } from 'node:crypto';
import type { TAuthResponse, TRegister } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { insertAuditLog } from '../../db/audit/audit-log';
import { withTenant } from '../../db/tenant-transaction';
import { insertTenant } from '../../db/tenants/tenants';
import { insertFirstAdmin } from '../../db/users/users';
import { isUniqueViolation } from '../../db/errors';
import type { ApiDeps } from '../deps';
import { trialActor } from '../../actors/trial';
import { blindIndex, seal } from '../../db/crypto/field-encryption';
import { userPhoneAad } from '../../db/crypto/sealed-columns';
import { hashPassword } from './passwords';
import { issueRefreshToken } from './refresh-tokens';
import { authResponse } from './sessions';
import { REGISTER_PURPOSE } from './sign-up-code';
import { workspaceSlug } from './slug';
import { withVerifiedOtp } from './verify-otp';

/**
 * With a correct code: creates the tenant and its first admin, starts the trial workflow and signs
 * the admin in — all or nothing (the workflow is started before the transaction commits). Nothing
 * costly happens before the code is checked: a wrong code never pays for a password hash.
 */
export async function register(deps: ApiDeps, input: TRegister, ip: string): Promise<TAuthResponse & { refreshToken: string }> {
  const { db, config } = deps;
  const otp = {
    system: db.system,
    pepper: config.otp.pepper,
    maxAttempts: config.otp.maxAttempts,
    dailyAttempts: config.otp.dailyAttempts,
    purpose: REGISTER_PURPOSE,
    phone: input.phone,
    phoneHash: blindIndex(config.blindIndexKey, input.phone),
    email: input.email,
    code: input.otp,
  };
  // The password is hashed only once the code is right: a wrong guess must not buy a costly argon2 run.
  return withVerifiedOtp(otp, async () => {
    const passwordHash = await hashPassword(input.password);
    const tenantId = randomUUID();
    const phone = seal(config.encryptionKeys, input.phone, userPhoneAad(tenantId));
    return withTenant(db.app, tenantId, async (trx) => {
      const now = new Date();
      const trialEndsAt = new Date(now.getTime() + config.trial.durationMs);
      try {
        const tenant = await insertTenant(trx, { id: tenantId, name: input.workspace, slug: workspaceSlug(input.workspace), trialStartedAt: now, trialEndsAt });
        const user = await insertFirstAdmin(trx, { tenantId, email: input.email, name: input.name, phone, passwordHash, signedInAt: now });
        await insertAuditLog(trx, { tenantId, actorUserId: user.id, action: 'tenant.registered', targetType: 'tenant', targetId: tenantId, ip });
        const refreshToken = await issueRefreshToken(trx, { tenantId, userId: user.id }, config.jwt.refreshTtlDays);
        await trialActor(deps).start({
          tenantId,
          trialEndsAt: trialEndsAt.toISOString(),
          reminderOffsetsMs: config.trial.reminderOffsetsMs,
        });
        return { ...(await authResponse(config.jwt, user, tenant)), refreshToken };
      } catch (err) {
        if (isUniqueViolation(err, 'users_email_unique')) throw new AppError('email_taken', 'An account with this email already exists');
        if (isUniqueViolation(err, 'tenants_slug_unique')) throw new AppError('workspace_taken', 'A workspace with this name already exists; choose another name');
        throw err;
      }
    });
  });
}
