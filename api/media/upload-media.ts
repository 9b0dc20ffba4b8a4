import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Context } from 'koa';
import type { Database } from '../../db/connection';
import { toMediaFile, type MediaFileRow } from '../../db/media/media-files';
import { newMediaKey, type MediaStorage } from '../../db/media/storage';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { cleanFilename, mediaKindOf, mediaLimits, type TMediaFile } from '../../domain/media';
import type { AuthPrincipal } from '../auth/principal';
import { readUpload } from './read-upload';

const MB = 1024 * 1024;
const ACCEPTED = 'JPEG or PNG images, MP4 or 3GPP video, AAC, AMR, MP3, MP4 or OGG audio, or PDF, Word, Excel, PowerPoint or plain-text documents';

/**
 * Stores a file a user will send. Only our copy is made here: the upload to Meta happens at send time
 * (activity `uploadMediaToMeta`), because Meta ids belong to one number and expire after 30 days.
 */
export async function uploadMedia(db: Database, storage: MediaStorage, auth: AuthPrincipal, ctx: Context): Promise<TMediaFile> {
  const { file, type } = await readUpload(ctx);
  const mimeType = (type ?? file.type).trim().toLowerCase();
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    const message = `WhatsApp does not accept ${mimeType ? `${mimeType} files` : 'files without a type'}; send ${ACCEPTED}`;
    throw new AppError('unsupported_media_type', message, { details: [{ path: 'file', message: `unsupported type ${mimeType || '(none)'}` }] });
  }
  const limit = mediaLimits[kind].maxBytes;
  if (file.size > limit) {
    throw new AppError('payload_too_large', `WhatsApp accepts ${kind} files up to ${limit / MB} MB; this one is ${(file.size / MB).toFixed(1)} MB`);
  }
  if (file.size === 0) throw new AppError('validation_failed', 'The file is empty', { details: [{ path: 'file', message: 'empty' }] });

  const key = newMediaKey();
  const stored = await storage.put(auth.tenantId, key, Readable.fromWeb(file.stream() as unknown as NodeReadableStream<Uint8Array>), mimeType);
  try {
    const [row] = await withTenant(db.app, auth.tenantId, (trx) =>
      trx<MediaFileRow>('media_files')
        .insert({
          tenant_id: auth.tenantId,
          direction: 'outbound',
          mime_type: mimeType,
          size_bytes: stored.size,
          sha256: stored.sha256,
          storage_key: key,
          filename: cleanFilename(file.name),
        })
        .returning('*'),
    );
    return toMediaFile(row);
  } catch (err) {
    await storage.remove(auth.tenantId, key);
    throw err;
  }
}
