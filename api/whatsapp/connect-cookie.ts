import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { AppConfig } from '../../config';
import { secureCookies } from '../http/secure-cookies';

const CONNECT_COOKIE = 'aerostic_connect';
/** Only the callback reads it. */
const CONNECT_COOKIE_PATH = '/meta/callback';
const TTL_MS = 10 * 60_000;

/**
 * A fresh secret for this browser, set as an httpOnly cookie; its hash goes into the connect state.
 * SameSite=Lax, not Strict: the callback is a top-level navigation arriving from Meta's site.
 * A second start in the same browser replaces the first one's secret (the latest dialog wins).
 */
export function bindConnectToBrowser(ctx: Context, config: AppConfig): string {
  const secret = randomBytes(32).toString('base64url');
  ctx.cookies.set(CONNECT_COOKIE, secret, { httpOnly: true, sameSite: 'lax', path: CONNECT_COOKIE_PATH, secure: secureCookies(ctx, config), maxAge: TTL_MS, overwrite: true });
  return secret;
}

/** The browser's connect secret, removed as it is read: a state is tried once per start. */
export function takeConnectBinding(ctx: Context, config: AppConfig): string | undefined {
  const secret = ctx.cookies.get(CONNECT_COOKIE) || undefined;
  if (secret) ctx.cookies.set(CONNECT_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: CONNECT_COOKIE_PATH, secure: secureCookies(ctx, config), maxAge: 0, overwrite: true });
  return secret;
}
