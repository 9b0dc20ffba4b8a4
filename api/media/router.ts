import { createLocalMediaStorage } from '../../db/media/storage';
import { ZMediaFileSchema, ZMediaIdParamSchema } from '../../domain/media';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { TenantConcurrency } from '../http/tenant-concurrency';
import { serveMedia } from './serve-media';
import { uploadMedia } from './upload-media';

/** Read as a stream by its own route, not by the JSON body parser (see app.ts). */
export const MEDIA_UPLOAD_PATH = '/media';
/** Uploads stream to disk, so what this bounds is open connections and disk writes per workspace. */
export const UPLOADS_PER_TENANT = 3;

export function registerMediaRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const storage = createLocalMediaStorage(deps.config.dataDir);
  const tag = 'media';
  const uploads = new TenantConcurrency(UPLOADS_PER_TENANT, 'uploads');

  routes.add(
    {
      method: 'post',
      path: MEDIA_UPLOAD_PATH,
      tag,
      summary: `Upload a file to send (multipart/form-data, part "file", an optional "type" field before it): image ≤ 5 MB, video/audio ≤ 16 MB, document ≤ 100 MB; ${UPLOADS_PER_TENANT} at a time per workspace (429)`,
      access: 'user',
      before: [uploads.middleware()],
      response: ZMediaFileSchema,
      status: 201,
    },
    async ({ auth, ctx }) => uploadMedia(deps.db, storage, auth, ctx),
  );

  routes.add(
    { method: 'get', path: '/media/:id', tag, summary: 'Download a stored media file of this workspace (received or uploaded)', access: 'user', params: ZMediaIdParamSchema },
    async ({ auth, params, ctx }) => serveMedia(deps.db, storage, auth.tenantId, params.id, ctx),
  );
}
