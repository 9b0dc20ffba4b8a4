import type { TRegisterInitiateResponse, TRegisterResend } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { otpTemplateMessage } from '../../domain/platform-templates';
import { blindIndex } from '../../db/crypto/field-encryption';
import { insertOtpChallenge, latestOtpChallenge, lockOtpPhone } from '../../db/system/otp-challenges';
import { otpTransaction } from '../../db/system/otp-transaction';
import type { ApiDeps } from '../deps';
import { consumeOrRefuse, type RateLimiters } from '../middleware/rate-limits';
import { otpHash, sixDigitCode } from './secrets';

export const REGISTER_PURPOSE = 'register';

/**
 * `initiate` (Continue on the details form) reuses a pending code for the same phone and email
 * instead of sending another: a reload, a double click or "Change details" then Continue must not
 * spend the phone's code budget nor supersede the code the person is about to type. `resend` sends a
 * new code for a pending sign-up, once the cooldown since the last one has passed.
 */
export async function sendSignUpCode(deps: ApiDeps, limiters: RateLimiters, who: TRegisterResend, mode: 'initiate' | 'resend'): Promise<TRegisterInitiateResponse> {
  const { db, config, notifier } = deps;
  const phoneHash = blindIndex(config.blindIndexKey, who.phone);
  const cooldownMs = config.otp.resendCooldownSeconds * 1000;
  const challengeKey = `${REGISTER_PURPOSE}:${who.phone}:${who.email}`;

  const outcome = await otpTransaction(db.system, async (trx) => {
    await lockOtpPhone(trx, phoneHash);
    const latest = await latestOtpChallenge(trx, REGISTER_PURPOSE, phoneHash, who.email);
    const now = Date.now();
    if (mode === 'initiate' && latest && !latest.consumedAt && !latest.lockedAt && latest.expiresAt.getTime() > now) {
      return { code: null, expiresAt: latest.expiresAt, sentAt: latest.createdAt };
    }
    if (mode === 'resend') {
      if (!latest || latest.consumedAt) throw new AppError('not_found', 'No sign-up is waiting for a code on this phone and email; start again');
      const waitMs = latest.createdAt.getTime() + cooldownMs - now;
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new AppError('otp_resend_cooldown', `You can ask for a new code in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`, {
          headers: { 'Retry-After': String(seconds) },
        });
      }
    }
    await consumeOrRefuse(limiters.otp, who.phone, 'Too many codes sent to this phone; try again later');
    const code = sixDigitCode();
    const expiresAt = new Date(now + config.otp.ttlMinutes * 60_000);
    const { createdAt } = await insertOtpChallenge(trx, {
      purpose: REGISTER_PURPOSE,
      phoneHash,
      email: who.email,
      codeHash: otpHash(config.otp.pepper, challengeKey, code),
      expiresAt,
    });
    return { code, expiresAt, sentAt: createdAt };
  });

  if (outcome.code) {
    await notifier.notify({
      to: who.phone,
      kind: 'otp',
      body: `Your Aerostic verification code is ${outcome.code}. It expires in ${config.otp.ttlMinutes} minutes.`,
      idempotencyKey: `otp:${challengeKey}:${outcome.expiresAt.getTime()}`,
      template: otpTemplateMessage(outcome.code),
    });
  }
  return { status: 'otp_sent', expiresAt: outcome.expiresAt.toISOString(), resendAvailableAt: new Date(outcome.sentAt.getTime() + cooldownMs).toISOString() };
}
