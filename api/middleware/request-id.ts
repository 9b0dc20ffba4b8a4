import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Takes a caller's `X-Request-Id` when it is well-formed, otherwise makes one; echoes it back. */
export function requestId(): Middleware {
  return async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const id = SAFE_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    await next();
  };
}
