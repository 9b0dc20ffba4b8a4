import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { APP_ROLE } from '../../config/database-urls';

/**
 * The SCRAM-SHA-256 verifier Postgres stores for `password` (RFC 5802/7677, Postgres's format):
 * sent instead of the password, so the statement (which ALTER ROLE cannot parameterise, and which
 * statement logging may record) never carries the password itself.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Run by the migration runner on the owner connection: gives the app role the password its pool
 * logs in with (see `config/database-urls.ts`). Skipped when the operator supplies
 * `DATABASE_APP_URL` and manages that role's credentials.
 */
export async function setAppRolePassword(owner: Knex, password: string): Promise<void> {
  const verifier = scramVerifier(password);
  if (!/^[A-Za-z0-9$:+/=-]+$/.test(verifier)) throw new Error('unexpected characters in the SCRAM verifier');
  try {
    await owner.raw(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${verifier}'`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not set the ${APP_ROLE} login password as the DATABASE_URL role (${reason}); grant it CREATEROLE with ADMIN on ${APP_ROLE}, or set DATABASE_APP_URL to a login for ${APP_ROLE}`,
      { cause: error },
    );
  }
}
