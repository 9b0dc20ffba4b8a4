import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import { consumeOtpChallenge, failedAttemptsToday, latestOtpChallenge, recordOtpFailure } from '../../db/system/otp-challenges';
import { otpTransaction } from '../../db/system/otp-transaction';
import { otpHash, safeEqualHex } from './secrets';

interface OtpCheck {
  system: Knex;
  pepper: string;
  maxAttempts: number;
  /** Wrong codes a phone may try in 24 hours, whatever number of codes it was sent. */
  dailyAttempts: number;
  purpose: string;
  phone: string;
  /** The blind index of `phone`: how its challenges are stored. */
  phoneHash: string;
  email: string;
  code: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Checks the code and, only if it matches, runs `onVerified` while the challenge row is locked, then
 * consumes it: a code works once, and a failure in `onVerified` leaves it usable. Wrong codes are
 * counted (and the challenge locked at the limit) even though the request fails. Once a phone has
 * used its daily budget of wrong codes, no code is even compared until the day has passed: re-sending
 * codes cannot buy an attacker more guesses.
 */
export async function withVerifiedOtp<T>(check: OtpCheck, onVerified: () => Promise<T>): Promise<T> {
  const outcome = await otpTransaction(check.system, async (trx): Promise<Outcome<T>> => {
    const challenge = await latestOtpChallenge(trx, check.purpose, check.phoneHash, check.email);
    if (!challenge || challenge.consumedAt) {
      return { ok: false, error: new AppError('otp_invalid', 'No code is pending for this phone; request a new one') };
    }
    if (challenge.lockedAt) return { ok: false, error: lockedError() };
    if (challenge.expiresAt.getTime() <= Date.now()) {
      return { ok: false, error: new AppError('otp_expired', 'This code has expired; request a new one') };
    }
    if ((await failedAttemptsToday(trx, check.phoneHash)) >= check.dailyAttempts) {
      return { ok: false, error: new AppError('otp_budget_exhausted', 'Too many wrong codes for this phone today; try again tomorrow') };
    }
    const expected = otpHash(check.pepper, `${check.purpose}:${check.phone}:${check.email}`, check.code);
    if (!safeEqualHex(expected, challenge.codeHash)) {
      const attempts = challenge.attempts + 1;
      const lock = attempts >= check.maxAttempts;
      await recordOtpFailure(trx, challenge.id, attempts, lock);
      if (lock) return { ok: false, error: lockedError() };
      const left = check.maxAttempts - attempts;
      return { ok: false, error: new AppError('otp_invalid', `That code is not right; ${left} ${left === 1 ? 'try' : 'tries'} left`) };
    }
    const value = await onVerified();
    await consumeOtpChallenge(trx, challenge.id);
    return { ok: true, value };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function lockedError(): AppError {
  return new AppError('otp_locked', 'Too many wrong codes; request a new code');
}
