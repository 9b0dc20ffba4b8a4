import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors';
import { platformAdminExists } from '../../db/system/platform-admins';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { readPlatformCookie } from './session-cookie';
import { verifyPlatformToken } from './tokens';

/**
 * Platform admin from `Authorization: Bearer`, or from the sign-in cookie, which is all Temporal UI
 * can send. The cookie counts only from the Temporal UI's origin (or from a client that sends no
 * Origin), so another page on the same site cannot spend it. The platform admin's row is re-read on every
 * request, so deleting it revokes access at once.
 */
export function platformAdminGuard(config: AppConfig, db: Database): Middleware {
  const uiOrigin = new URL(config.temporal.uiUrl).origin;
  return async (ctx, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const origin = ctx.get('origin');
    const cookie = !origin || origin === uiOrigin ? readPlatformCookie(ctx) : undefined;
    const token = bearer ?? cookie;
    if (!token) throw new AppError('unauthenticated', 'Sign in as a platform admin first: POST /admin/login');
    const principal = await verifyPlatformToken(config.jwt, token);
    if (!(await platformAdminExists(db.system, principal.platformAdminId))) throw new AppError('token_invalid', 'The access token is not valid');
    ctx.state.auth = principal;
    await next();
  };
}
