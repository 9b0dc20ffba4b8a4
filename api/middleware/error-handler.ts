import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { AppError, isAppError, type ErrorCode } from '../../domain/errors';

/** Koa's own errors (e.g. from `ctx.throw` or http-errors) carry an HTTP status we translate once, here. */
const codeForStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The only place an error becomes an HTTP response; 5xx never leak their message or stack. */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('not_found', 'No such route');
      // The router answers a method the path does not declare with a bare 405, or 501 for one it knows no
      // route for at all (TRACE, CONNECT); both are the client's mistake, so both are 405 in our shape.
      if ((ctx.status === 405 || ctx.status === 501) && !ctx.body) throw methodNotAllowed(ctx.method, ctx.response.get('Allow'));
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) {
        logger.error({ err, requestId: ctx.state.requestId, path: ctx.path }, 'request failed');
      }
      ctx.status = appError.status;
      if (appError.headers) ctx.set(appError.headers);
      ctx.body = {
        error: {
          code: appError.code,
          message: appError.status >= 500 ? 'Something went wrong on our side; please try again.' : appError.message,
          ...(appError.details ? { details: appError.details } : {}),
        },
      };
    }
  };
}

function methodNotAllowed(method: string, allow: string): AppError {
  return new AppError('method_not_allowed', `${method} is not supported here${allow ? `; use ${allow}` : ''}`, allow ? { headers: { Allow: allow } } : {});
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const status = typeof err === 'object' && err !== null ? Number((err as { status?: unknown }).status) : NaN;
  const expose = typeof err === 'object' && err !== null && (err as { expose?: unknown }).expose === true;
  const code = codeForStatus[status];
  if (code && expose) return new AppError(code, (err as Error).message);
  return new AppError('internal_error', 'internal error');
}
