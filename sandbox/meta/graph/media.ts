import { createHmac } from 'node:crypto';
import type { MediaRecord } from '../state/store';
import { canUseWaba, phoneFor, requireToken } from './auth';
import { param, sendJson, type SimContext, type SimDeps, type SimRouteContext, type SimRouter } from './context';
import { GraphError } from './errors';
import { parseMultipart } from './multipart';

const URL_TTL_SECONDS = 5 * 60;

/** Cloud API media types and size limits (bytes). */
const LIMITS: [RegExp, number][] = [
  [/^image\/(jpeg|png)$/, 5 * 1024 * 1024],
  [/^image\/webp$/, 500 * 1024],
  [/^video\/(mp4|3gpp)$/, 16 * 1024 * 1024],
  [/^audio\/(aac|amr|mpeg|mp4|ogg)(;.*)?$/, 16 * 1024 * 1024],
  [/^(text\/plain|application\/(pdf|msword|vnd\.ms-excel|vnd\.ms-powerpoint|vnd\.openxmlformats-officedocument\.[a-z.]+))$/, 100 * 1024 * 1024],
];

/** Upload (POST /{phone-number-id}/media) and the short-lived, token-protected download URL. */
export function registerMediaRoutes(router: SimRouter, deps: SimDeps): void {
  router.post('/:version/:phoneNumberId/media', (ctx: SimRouteContext) => {
    const token = requireToken(ctx, deps.store);
    const phone = phoneFor(ctx, deps.store, token, ctx.params.phoneNumberId);
    const parts = ctx.state.rawBody && ctx.is('multipart/form-data') ? parseMultipart(ctx.state.rawBody, ctx.get('content-type')) : undefined;
    if (!parts) throw GraphError.invalidParam('The parameter file is required.');
    const field = (name: string) => parts.find((p) => p.name === name);
    if (field('messaging_product')?.data.toString() !== 'whatsapp') throw GraphError.invalidParam('The parameter messaging_product is required.');
    const file = field('file');
    if (!file || file.filename === undefined) throw GraphError.invalidParam('The parameter file is required.');
    const type = field('type')?.data.toString().trim() || file.contentType;
    if (!type) throw GraphError.invalidParam('The parameter type is required.');
    const limit = LIMITS.find(([pattern]) => pattern.test(type))?.[1];
    if (limit === undefined) throw GraphError.invalidParam(`Param file must be a file with one of the supported media types; got ${type}.`);
    if (file.data.length > limit) throw GraphError.of(131053, { details: `File size ${file.data.length} exceeds the ${limit} byte limit for ${type}.` });
    const media = deps.store.addMedia(phone.id, Buffer.from(file.data), type, file.filename);
    sendJson(ctx, 200, { id: media.id });
  });

  router.get('/whatsapp_business/attachments/', (ctx: SimRouteContext) => {
    const token = requireToken(ctx, deps.store);
    const mid = String(ctx.query.mid ?? '');
    const ext = Number(ctx.query.ext ?? 0);
    const media = deps.store.media.get(mid);
    const phone = media && deps.store.phones.get(media.phoneNumberId);
    const valid = media && phone && ctx.query.hash === urlHash(deps, mid, ext) && ext > Date.now() / 1000 && canUseWaba(token, phone.wabaId);
    if (!valid) {
      ctx.status = 404;
      ctx.body = 'Not Found';
      return;
    }
    ctx.status = 200;
    ctx.type = media.mimeType;
    ctx.set('content-length', String(media.bytes.length));
    ctx.body = media.bytes;
  });
}

/** GET /{media-id}: metadata plus a download URL valid for 5 minutes. */
export function mediaNode(ctx: SimContext, deps: SimDeps, media: MediaRecord): void {
  const phoneNumberId = param(ctx, 'phone_number_id');
  if (phoneNumberId && phoneNumberId !== media.phoneNumberId) throw GraphError.unknownObject(ctx.method, media.id);
  const ext = Math.floor(Date.now() / 1000) + URL_TTL_SECONDS;
  const url = `${deps.baseUrl()}/whatsapp_business/attachments/?mid=${media.id}&ext=${ext}&hash=${urlHash(deps, media.id, ext)}`;
  sendJson(ctx, 200, { messaging_product: 'whatsapp', url, mime_type: media.mimeType, sha256: media.sha256, file_size: media.bytes.length, id: media.id });
}

function urlHash(deps: SimDeps, mid: string, ext: number): string {
  return createHmac('sha256', deps.config.appSecret).update(`${mid}:${ext}`).digest('base64url').slice(0, 22);
}
