import cors from '@koa/cors';
import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

/** `metaSimulatorUrl`: sandbox mode's phone simulator page calls the Meta simulator from the browser. */
export function securityHeaders(options: { metaSimulatorUrl?: string } = {}): Middleware {
  const simulatorOrigin = options.metaSimulatorUrl ? [new URL(options.metaSimulatorUrl).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:', ...simulatorOrigin],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Meta's Embedded Signup popup must keep its opener (Meta documents this policy for the page).
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
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

/**
 * Temporal UI calls the codec endpoints from its own origin, with the platform admin's cookie
 * ("Include cross-origin credentials") or a bearer token; `X-Namespace` is part of its protocol.
 */
export function temporalUiCors(uiUrl: string): Middleware {
  const uiOrigin = new URL(uiUrl).origin;
  return cors({
    origin: (ctx) => (ctx.get('origin') === uiOrigin ? uiOrigin : ''),
    credentials: true,
    allowMethods: ['POST'],
    allowHeaders: ['Authorization', 'Authorization-Extras', 'Content-Type', 'X-Namespace'],
    maxAge: 600,
  });
}
