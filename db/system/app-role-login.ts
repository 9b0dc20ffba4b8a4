import type { Knex } from 'knex';
import { APP_ROLE } from '../../config/database-urls';

/**
 * Run by the migration runner on the owner connection: gives the app role the password its pool
 * logs in with (see `config/database-urls.ts`). Skipped when the operator supplies
 * `DATABASE_APP_URL` and manages that role's credentials.
 */
export async function setAppRolePassword(owner: Knex, password: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error('the derived app-role password must be base64url');
  try {
    // ALTER ROLE takes no bind parameters; the password is base64url, checked above.
    await owner.raw(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password}'`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not set the ${APP_ROLE} login password as the DATABASE_URL role (${reason}); grant it CREATEROLE with ADMIN on ${APP_ROLE}, or set DATABASE_APP_URL to a login for ${APP_ROLE}`);
  }
}
