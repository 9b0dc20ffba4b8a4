import type { Knex } from 'knex';
import type { Writable } from '../row-types';

/**
 * OTP challenges exist before any tenant does (sign-up), so they live outside RLS. The phone is
 * stored only as a keyed hash (`phone_hash`, the blind index of the number): enough to find a
 * challenge and count a phone's attempts, useless to anyone reading the table.
 */
export interface OtpChallengeRow {
  id: string;
  purpose: string;
  phone_hash: string;
  email: string;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  consumed_at: Date | null;
  locked_at: Date | null;
  created_at: Date;
}

type OtpChallengeInsert = Pick<OtpChallengeRow, 'purpose' | 'phone_hash' | 'email' | 'code_hash' | 'expires_at'>;

declare module 'knex/types/tables' {
  interface Tables {
    otp_challenges: Knex.CompositeTableType<OtpChallengeRow, OtpChallengeInsert, Writable<OtpChallengeRow>>;
  }
}

export interface OtpChallenge {
  id: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  lockedAt: Date | null;
  createdAt: Date;
}

export async function insertOtpChallenge(
  system: Knex,
  challenge: { purpose: string; phoneHash: string; email: string; codeHash: string; expiresAt: Date },
): Promise<{ createdAt: Date }> {
  const [row] = await system('otp_challenges')
    .insert({
      purpose: challenge.purpose,
      phone_hash: challenge.phoneHash,
      email: challenge.email,
      code_hash: challenge.codeHash,
      expires_at: challenge.expiresAt,
    })
    .returning('created_at');
  return { createdAt: row.created_at };
}

/** The newest challenge for this phone and email; older ones are superseded by a re-send. */
export async function latestOtpChallenge(trx: Knex, purpose: string, phoneHash: string, email: string): Promise<OtpChallenge | undefined> {
  const row = await trx('otp_challenges')
    .where({ purpose, phone_hash: phoneHash, email })
    .orderBy('created_at', 'desc')
    .forUpdate()
    .first('id', 'code_hash', 'attempts', 'expires_at', 'consumed_at', 'locked_at', 'created_at');
  return (
    row && {
      id: row.id,
      codeHash: row.code_hash,
      attempts: row.attempts,
      expiresAt: row.expires_at,
      consumedAt: row.consumed_at,
      lockedAt: row.locked_at,
      createdAt: row.created_at,
    }
  );
}

/** Wrong codes tried against this phone in the last 24 hours, across every challenge sent to it. */
export async function failedAttemptsToday(trx: Knex, phoneHash: string): Promise<number> {
  const row = await trx('otp_challenges').where({ phone_hash: phoneHash }).where('created_at', '>', trx.raw("now() - interval '24 hours'")).sum({ n: 'attempts' }).first();
  return Number(row?.n ?? 0);
}

export async function recordOtpFailure(trx: Knex, id: string, attempts: number, lock: boolean): Promise<void> {
  await trx('otp_challenges')
    .where({ id })
    .update({ attempts, ...(lock ? { locked_at: trx.fn.now() } : {}) });
}

export async function consumeOtpChallenge(trx: Knex, id: string): Promise<void> {
  await trx('otp_challenges').where({ id }).update({ consumed_at: trx.fn.now() });
}

/** Serialises code sends for one phone until the transaction ends, so a double submit reuses the first code. */
export async function lockOtpPhone(trx: Knex.Transaction, phoneHash: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`otp:${phoneHash}`]);
}
