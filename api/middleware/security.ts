import cors from '@koa/cors';
import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

export function securityHeaders(): Middleware {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  }) as Middleware;
}

/** Only the web app's own origin may call the API from a browser, with its cookie. */
export function webCors(webOrigin: string): Middleware {
  return cors({
    origin: (ctx) => (ctx.get('origin') === webOrigin ? webOrigin : ''),
    credentials: true,
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Api-Key'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}
