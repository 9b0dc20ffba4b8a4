import type { Middleware } from 'koa';
import type { Logger } from 'pino';

/** One line per request: route pattern and path only — query strings can carry phone numbers. */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          route: (ctx as { _matchedRoute?: string })._matchedRoute,
          status: ctx.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  };
}
