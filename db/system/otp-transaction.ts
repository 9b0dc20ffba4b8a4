import type { Knex } from 'knex';

/**
 * The owner-connection transaction in which a code is checked: the challenge row stays locked while
 * the caller's work runs, and only the functions of `otp-challenges.ts` run on `trx`.
 */
export function otpTransaction<T>(system: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return system.transaction(work);
}
