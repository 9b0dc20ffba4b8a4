import type { Context } from 'koa';
import type { Database } from '../../db/connection';
import { findMediaFile } from '../../db/media/media-files';
import type { MediaStorage } from '../../db/media/storage';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { isInlineSafe, mimeEssence } from '../../domain/media';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'audio/aac': '.aac',
  'audio/amr': '.amr',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/ogg': '.ogg',
  'text/plain': '.txt',
  'application/pdf': '.pdf',
};

/**
 * Streams a stored file to a member of its workspace. The row is read under RLS, so another tenant's
 * id is simply not found. Headers keep a browser from treating the bytes as anything but their type.
 */
export async function serveMedia(db: Database, storage: MediaStorage, tenantId: string, id: string, ctx: Context): Promise<void> {
  const file = await withTenant(db.app, tenantId, (trx) => findMediaFile(trx, id));
  if (!file) throw new AppError('not_found', 'No such media file');
  const object = await storage.get(tenantId, file.storageKey);
  if (!object) throw new AppError('not_found', 'The media file is no longer stored');

  const filename = file.filename ?? `${file.id}${EXTENSIONS[mimeEssence(file.mimeType)] ?? ''}`;
  // Koa's attachment() encodes the name safely (RFC 6266: an ASCII fallback plus filename*).
  ctx.attachment(filename, { type: isInlineSafe(file.mimeType) ? 'inline' : 'attachment' });
  ctx.set('Cache-Control', 'private, max-age=3600');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.type = file.mimeType;
  ctx.length = object.size;
  ctx.body = object.stream;
}
