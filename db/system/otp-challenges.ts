import type { Knex } from 'knex';

/** OTP challenges exist before any tenant does (sign-up), so they live outside RLS. */
export interface OtpChallengeRow {
  id: string;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  consumed_at: Date | null;
  locked_at: Date | null;
}

export async function insertOtpChallenge(
  system: Knex,
  challenge: { purpose: string; phone: string; email: string; codeHash: string; expiresAt: Date },
): Promise<void> {
  await system('otp_challenges').insert({
    purpose: challenge.purpose,
    phone: challenge.phone,
    email: challenge.email,
    code_hash: challenge.codeHash,
    expires_at: challenge.expiresAt,
  });
}

/** The newest challenge for this phone and email; older ones are superseded by a re-send. */
export async function latestOtpChallenge(trx: Knex, purpose: string, phone: string, email: string): Promise<OtpChallengeRow | undefined> {
  return trx('otp_challenges')
    .where({ purpose, phone, email })
    .orderBy('created_at', 'desc')
    .forUpdate()
    .first('id', 'code_hash', 'attempts', 'expires_at', 'consumed_at', 'locked_at');
}

export async function recordOtpFailure(trx: Knex, id: string, attempts: number, lock: boolean): Promise<void> {
  await trx('otp_challenges').where({ id }).update({ attempts, ...(lock ? { locked_at: trx.fn.now() } : {}) });
}

export async function consumeOtpChallenge(trx: Knex, id: string): Promise<void> {
  await trx('otp_challenges').where({ id }).update({ consumed_at: trx.fn.now() });
}
