import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { AppError } from '../../domain/errors';

/** Read here, after authentication, instead of by the app-wide JSON parser (see app.ts). */
export const KNOWLEDGE_UPLOAD_PATH = '/ai/knowledge';
/** 5 M characters of content (the schema's limit) as UTF-8 can take up to 3 bytes each. */
const LIMIT_BYTES = 16 * 1024 * 1024;
/**
 * A knowledge upload holds its body (≤ 16 MB) and then a PDF parse (a worker thread of up to 256 MB):
 * this many at a time per workspace, body read and parse together (429 beyond).
 */
export const KNOWLEDGE_UPLOADS_PER_TENANT = 2;

/** The JSON body of a knowledge upload, with a larger limit than the API's default. */
export const readKnowledgeBody: Middleware = async (ctx, next) => {
  if ((ctx.request.length ?? 0) === 0 && !ctx.get('transfer-encoding')) {
    ctx.state.body = undefined;
    return next();
  }
  if (!ctx.is('application/json', '+json')) throw new AppError('unsupported_media_type', 'Send the body as application/json');
  let raw: Buffer;
  try {
    raw = await getRawBody(ctx.req, { limit: LIMIT_BYTES, length: ctx.request.length });
  } catch (err) {
    if ((err as { type?: string }).type === 'entity.too.large')
      throw new AppError('payload_too_large', 'A knowledge document can be at most 16 MB (a PDF about 3.7 MB)', { headers: { Connection: 'close' } });
    throw new AppError('validation_failed', 'The request body could not be read');
  }
  try {
    ctx.state.body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('malformed_json', 'The request body is not valid JSON');
  }
  await next();
};
