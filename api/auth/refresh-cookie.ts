import type { Context } from 'koa';
import type { AppConfig } from '../../config';
import { SESSION_FLAG_COOKIE } from '../../domain/auth-cookies';
import { secureCookies } from '../http/secure-cookies';

export const REFRESH_COOKIE = 'aerostic_refresh';

/**
 * httpOnly, same-site and scoped to /auth: scripts can't read it and other routes never receive it.
 * Its readable companion (`aerostic_session=1`, no secret) lives and dies with it, so the web app
 * knows whether a refresh can succeed without asking /auth/refresh on every logged-out page load.
 */
export function setRefreshCookie(ctx: Context, config: AppConfig, token: string): void {
  const secure = secureCookies(ctx, config);
  const maxAge = config.jwt.refreshTtlDays * 86_400_000;
  ctx.cookies.set(REFRESH_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/auth', secure, maxAge, overwrite: true });
  ctx.cookies.set(SESSION_FLAG_COOKIE, '1', { httpOnly: false, sameSite: 'strict', path: '/', secure, maxAge, overwrite: true });
}

export function clearRefreshCookie(ctx: Context): void {
  ctx.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/auth', maxAge: 0, overwrite: true });
  ctx.cookies.set(SESSION_FLAG_COOKIE, '', { httpOnly: false, sameSite: 'strict', path: '/', maxAge: 0, overwrite: true });
}

export function readRefreshCookie(ctx: Context): string | undefined {
  return ctx.cookies.get(REFRESH_COOKIE) || undefined;
}
