import { ApplicationFailure } from '@temporalio/common';
import { attachMediaFileToMessage, findMediaFileOfMessage, insertMediaFileOfMessage, messageExists } from '../../db/media/media-files';
import { newMediaKey } from '../../db/media/storage';
import { withTenant } from '../../db/tenant-transaction';
import { cleanFilename, maxMediaBytes } from '../../domain/media';
import { loadAccountToken } from '../meta/account-token';
import { downloadMetaMedia } from './download-meta-media';
import { cancelledOr } from './media-errors';
import type { MediaContext } from './media-context';

export interface StoreInboundMediaInput {
  tenantId: string;
  /** Our message id (from recordInbound). */
  messageId: string;
  phoneNumberId: string;
  /** Meta's media id from the webhook's media object. */
  mediaId: string;
  mimeType?: string;
  filename?: string;
  /** The webhook's `sha256`, checked against the bytes. */
  sha256?: string;
}

export interface StoredInboundMedia {
  mediaFileId: string;
  mimeType: string;
  sizeBytes: number;
  /** True when an earlier attempt had already stored it. */
  existing: boolean;
}

/**
 * Downloads an inbound message's media from Meta into our storage, records it in `media_files` and adds
 * `{ mediaFileId }` to the message's content. Idempotent per message: a retry finds the stored row.
 */
export async function storeInboundMedia(ctx: MediaContext, input: StoreInboundMediaInput): Promise<StoredInboundMedia> {
  const { db, storage } = ctx;
  const { tenantId, messageId } = input;
  try {
    const existing = await withTenant(db.app, tenantId, async (trx) => {
      const file = await findMediaFileOfMessage(trx, messageId);
      if (file) return file;
      if (!(await messageExists(trx, messageId))) {
        throw ApplicationFailure.nonRetryable('The message to attach the media to does not exist', 'message_not_found');
      }
      return undefined;
    });
    if (existing) return { mediaFileId: existing.id, mimeType: existing.mimeType, sizeBytes: existing.sizeBytes, existing: true };

    const token = await loadAccountToken(db, ctx.encryptionKeys, tenantId, input.phoneNumberId);
    const key = newMediaKey();
    const downloaded = await downloadMetaMedia(ctx.graph, storage, { ...input, key, token, maxBytes: maxMediaBytes });
    const { file, inserted } = await withTenant(db.app, tenantId, async (trx) => {
      const result = await insertMediaFileOfMessage(trx, {
        tenantId,
        messageId,
        direction: 'inbound',
        mimeType: downloaded.mimeType,
        sizeBytes: downloaded.size,
        sha256: downloaded.sha256,
        storageKey: key,
        metaMediaId: input.mediaId,
        filename: cleanFilename(input.filename),
      });
      if (result.inserted) await attachMediaFileToMessage(trx, messageId, result.file.id);
      return result;
    });
    // A concurrent attempt stored it first; ours is a spare copy.
    if (!inserted) await storage.remove(tenantId, key);
    return { mediaFileId: file.id, mimeType: file.mimeType, sizeBytes: file.sizeBytes, existing: !inserted };
  } catch (err) {
    throw cancelledOr(err, 'Fetching the media from WhatsApp');
  }
}
