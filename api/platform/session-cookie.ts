import type { Context } from 'koa';
import type { AppConfig } from '../../config';
import { secureCookies } from '../http/secure-cookies';

export const PLATFORM_COOKIE = 'aerostic_platform';
/** The codec routes are the only ones that read it (Temporal UI can send cookies, not our bearer token). */
export const PLATFORM_COOKIE_PATH = '/codec';

export function setPlatformCookie(ctx: Context, config: AppConfig, token: string, expiresAt: Date): void {
  ctx.cookies.set(PLATFORM_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: PLATFORM_COOKIE_PATH,
    secure: secureCookies(ctx, config),
    expires: expiresAt,
    overwrite: true,
  });
}

export function readPlatformCookie(ctx: Context): string | undefined {
  return ctx.cookies.get(PLATFORM_COOKIE) || undefined;
}
