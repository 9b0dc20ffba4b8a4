import type { TRegisterInitiate, TRegisterInitiateResponse } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { emailInUse, workspaceSlugInUse } from '../../db/system/identity';
import { insertOtpChallenge } from '../../db/system/otp-challenges';
import type { ApiDeps } from '../deps';
import { consumeOrRefuse, type RateLimiters } from '../middleware/rate-limits';
import { otpHash, sixDigitCode } from './secrets';
import { workspaceSlug } from './slug';

export const REGISTER_PURPOSE = 'register';

/** Checks the sign-up can succeed, then sends a 6-digit code to the phone (10 minutes, 5 tries). */
export async function initiateRegistration(
  deps: ApiDeps,
  limiters: RateLimiters,
  input: TRegisterInitiate,
): Promise<TRegisterInitiateResponse> {
  const { db, config, notifier } = deps;
  if (await emailInUse(db.system, input.email)) throw new AppError('email_taken', 'An account with this email already exists');
  if (await workspaceSlugInUse(db.system, workspaceSlug(input.workspace))) {
    throw new AppError('workspace_taken', 'A workspace with this name already exists; choose another name');
  }
  await consumeOrRefuse(limiters.otp, input.phone, 'Too many codes sent to this phone; try again later');

  const code = sixDigitCode();
  const expiresAt = new Date(Date.now() + config.otp.ttlMinutes * 60_000);
  const challengeKey = `${REGISTER_PURPOSE}:${input.phone}:${input.email}`;
  await insertOtpChallenge(db.system, {
    purpose: REGISTER_PURPOSE,
    phone: input.phone,
    email: input.email,
    codeHash: otpHash(config.otp.pepper, challengeKey, code),
    expiresAt,
  });
  await notifier.notify({
    to: input.phone,
    kind: 'otp',
    body: `Your Aerostic verification code is ${code}. It expires in ${config.otp.ttlMinutes} minutes.`,
    idempotencyKey: `otp:${challengeKey}:${expiresAt.getTime()}`,
  });
  return { status: 'otp_sent', expiresAt: expiresAt.toISOString() };
}
