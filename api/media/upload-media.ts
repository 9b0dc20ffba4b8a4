import type { Context } from 'koa';
import type { Database } from '../../db/connection';
import { insertMediaFile } from '../../db/media/media-files';
import type { MediaStorage } from '../../db/media/storage';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { cleanFilename, mediaKindOf, mediaLimits, type TMediaFile } from '../../domain/media';
import type { AuthPrincipal } from '../auth/principal';
import { toMediaFileView } from './media-view';
import { receiveUpload, tooLarge } from './read-upload';

const ACCEPTED = 'JPEG or PNG images, MP4 or 3GPP video, AAC, AMR, MP3, MP4 or OGG audio, or PDF, Word, Excel, PowerPoint or plain-text documents';

/**
 * Stores a file a user will send. Only our copy is made here: the upload to Meta happens at send time
 * (activity `uploadMediaToMeta`), because Meta ids belong to one number and expire after 30 days.
 */
export async function uploadMedia(db: Database, storage: MediaStorage, auth: AuthPrincipal, ctx: Context): Promise<TMediaFile> {
  const { key, stored, filename, mimeType } = await receiveUpload(ctx, storage, auth.tenantId);
  try {
    const kind = mediaKindOf(mimeType);
    if (!kind) {
      const message = `WhatsApp does not accept ${mimeType ? `${mimeType} files` : 'files without a type'}; send ${ACCEPTED}`;
      throw new AppError('unsupported_media_type', message, { details: [{ path: 'file', message: `unsupported type ${mimeType || '(none)'}` }] });
    }
    if (stored.size > mediaLimits[kind].maxBytes) throw tooLarge(mediaLimits[kind].maxBytes, kind);
    if (stored.size === 0) throw new AppError('validation_failed', 'The file is empty', { details: [{ path: 'file', message: 'empty' }] });
    const file = await withTenant(db.app, auth.tenantId, (trx) =>
      insertMediaFile(trx, {
        tenantId: auth.tenantId,
        direction: 'outbound',
        mimeType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        storageKey: key,
        filename: cleanFilename(filename),
      }),
    );
    return toMediaFileView(file);
  } catch (err) {
    await storage.remove(auth.tenantId, key);
    throw err;
  }
}
