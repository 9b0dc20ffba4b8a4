import type { Context } from 'koa';
import type { AppConfig } from '../../config';
import { secureCookies } from '../http/secure-cookies';

export const REFRESH_COOKIE = 'aerostic_refresh';

/** httpOnly, same-site and scoped to /auth: scripts can't read it and other routes never receive it. */
export function setRefreshCookie(ctx: Context, config: AppConfig, token: string): void {
  ctx.cookies.set(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/auth',
    secure: secureCookies(ctx, config),
    maxAge: config.jwt.refreshTtlDays * 86_400_000,
    overwrite: true,
  });
}

export function clearRefreshCookie(ctx: Context): void {
  ctx.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/auth', maxAge: 0, overwrite: true });
}

export function readRefreshCookie(ctx: Context): string | undefined {
  return ctx.cookies.get(REFRESH_COOKIE) || undefined;
}
