import type { TRegisterInitiate, TRegisterInitiateResponse } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { blindIndex } from '../../db/crypto/field-encryption';
import { workspaceSlugInUse } from '../../db/system/identity';
import { insertOtpChallenge } from '../../db/system/otp-challenges';
import type { ApiDeps } from '../deps';
import { consumeOrRefuse, type RateLimiters } from '../middleware/rate-limits';
import { otpTemplateMessage } from '../../domain/platform-templates';
import { otpHash, sixDigitCode } from './secrets';
import { workspaceSlug } from './slug';

export const REGISTER_PURPOSE = 'register';

/**
 * Sends a 6-digit code to the phone (10 minutes, 5 tries). It answers the same whether or not the
 * email has an account: that is reported only by `/auth/register`, to whoever holds the phone's code.
 */
export async function initiateRegistration(deps: ApiDeps, limiters: RateLimiters, input: TRegisterInitiate): Promise<TRegisterInitiateResponse> {
  const { db, config, notifier } = deps;
  if (await workspaceSlugInUse(db.system, workspaceSlug(input.workspace))) {
    throw new AppError('workspace_taken', 'A workspace with this name already exists; choose another name');
  }
  await consumeOrRefuse(limiters.otp, input.phone, 'Too many codes sent to this phone; try again later');

  const code = sixDigitCode();
  const expiresAt = new Date(Date.now() + config.otp.ttlMinutes * 60_000);
  const challengeKey = `${REGISTER_PURPOSE}:${input.phone}:${input.email}`;
  await insertOtpChallenge(db.system, {
    purpose: REGISTER_PURPOSE,
    phoneHash: blindIndex(config.blindIndexKey, input.phone),
    email: input.email,
    codeHash: otpHash(config.otp.pepper, challengeKey, code),
    expiresAt,
  });
  await notifier.notify({
    to: input.phone,
    kind: 'otp',
    body: `Your Aerostic verification code is ${code}. It expires in ${config.otp.ttlMinutes} minutes.`,
    idempotencyKey: `otp:${challengeKey}:${expiresAt.getTime()}`,
    template: otpTemplateMessage(code),
  });
  return { status: 'otp_sent', expiresAt: expiresAt.toISOString() };
}
