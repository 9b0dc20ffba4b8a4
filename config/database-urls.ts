import { createHmac } from 'node:crypto';

/** The role every tenant request runs as: it logs in as itself, owns nothing, and has no BYPASSRLS. */
export const APP_ROLE = 'aerostic_app';

/**
 * The app role's password when `DATABASE_APP_URL` is not given: derived from the owner's password,
 * so a single `DATABASE_URL` still suffices and nobody learns anything they could not already do as
 * the owner. The migration runner (as the owner) sets it on every run.
 */
export function appRolePassword(ownerUrl: string): string {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  // Derived from nothing, the password would be the same public constant everywhere.
  if (!ownerPassword) throw new Error(`DATABASE_URL carries no password to derive the ${APP_ROLE} login from; set DATABASE_APP_URL`);
  return createHmac('sha256', ownerPassword).update(`aerostic:${APP_ROLE}:login`).digest('base64url');
}

/** The owner URL with the app role's name and derived password: same host, database and options. */
export function derivedAppRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(ownerUrl);
  return url.toString();
}
