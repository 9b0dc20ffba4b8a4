import { createLocalMediaStorage } from '../../db/media/storage';
import { ZMediaFileSchema, ZMediaIdParamSchema } from '../../domain/media';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { serveMedia } from './serve-media';
import { uploadMedia } from './upload-media';

/** Read as a stream by its own route, not by the JSON body parser (see app.ts). */
export const MEDIA_UPLOAD_PATH = '/media';

export function registerMediaRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const storage = createLocalMediaStorage(deps.config.dataDir);
  const tag = 'media';

  routes.add(
    {
      method: 'post',
      path: MEDIA_UPLOAD_PATH,
      tag,
      summary: 'Upload a file to send (multipart/form-data, part "file"): image ≤ 5 MB, video/audio ≤ 16 MB, document ≤ 100 MB',
      access: 'user',
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
