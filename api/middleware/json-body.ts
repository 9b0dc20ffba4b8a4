import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { AppError } from '../../domain/errors';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the request body once, as bytes (`ctx.state.rawBody`, which signed webhooks verify), and
 * parses JSON into `ctx.state.body`. Oversized bodies are refused with 413 before they are buffered whole.
 */
export function jsonBody(limitBytes: number, options: { rawOnlyPrefixes?: string[]; streamedPaths?: string[] } = {}): Middleware {
  const rawOnly = options.rawOnlyPrefixes ?? [];
  const streamed = new Set(options.streamedPaths ?? []);
  return async (ctx, next) => {
    // File uploads are left unread: their route streams them after authentication, with its own size limits.
    if (streamed.has(ctx.path)) return next();
    if (!METHODS_WITH_BODY.has(ctx.method) || ((ctx.request.length ?? 0) === 0 && !ctx.get('transfer-encoding'))) {
      ctx.state.body = undefined;
      return next();
    }
    let raw: Buffer;
    try {
      raw = await getRawBody(ctx.req, { limit: limitBytes, length: ctx.request.length });
    } catch (err) {
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') throw new AppError('payload_too_large', `The body is larger than ${limitBytes} bytes`);
      throw new AppError('validation_failed', 'The request body could not be read');
    }
    ctx.state.rawBody = raw;
    // Signed webhooks verify the bytes before anything is parsed: a forged body is refused unread.
    if (rawOnly.some((prefix) => ctx.path.startsWith(prefix))) {
      ctx.state.body = undefined;
    } else if (raw.length === 0) {
      ctx.state.body = undefined;
    } else if (ctx.is('application/json', '+json')) {
      try {
        ctx.state.body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('malformed_json', 'The request body is not valid JSON');
      }
    } else {
      throw new AppError('unsupported_media_type', 'Send the body as application/json');
    }
    await next();
  };
}
