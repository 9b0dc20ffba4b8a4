/**
 * A readable cookie set and cleared together with the httpOnly refresh cookie. It carries no secret
 * (always "1"): it only tells the web app that a session may exist, so a logged-out page load does
 * not call /auth/refresh just to be refused.
 */
export const SESSION_FLAG_COOKIE = 'aerostic_session';

/** Whether `cookieHeader` (document.cookie) carries the session flag. */
export function hasSessionFlag(cookieHeader: string): boolean {
  return cookieHeader.split(';').some((part) => part.trim() === `${SESSION_FLAG_COOKIE}=1`);
}
