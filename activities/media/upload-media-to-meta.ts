import { buffer } from 'node:stream/consumers';
import { ApplicationFailure } from '@temporalio/common';
import { findMediaFile, recordMetaUpload } from '../../db/media/media-files';
import { withTenant } from '../../db/tenant-transaction';
import { loadAccountToken } from '../meta/account-token';
import { currentActivity } from '../meta/dispatch/activity-context';
import type { MediaContext } from './media-context';
import { cancelledOr, retryableMediaFailure } from './media-errors';

export interface UploadMediaToMetaInput {
  tenantId: string;
  /** The number that will send it: Meta media ids belong to the uploading number. */
  phoneNumberId: string;
  /** Our `media_files` id, from `POST /media`. */
  mediaFileId: string;
}

// Meta keeps uploads for 30 days; a day's margin so an id never expires between lookup and send.
const REUSE_FOR_MS = 29 * 24 * 60 * 60 * 1000;
export const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Gives Meta a copy of one of our stored files (`POST /{phone-number-id}/media`) and answers its media
 * id, for a send's `{ id }`. The id is remembered per number, so repeated sends of a file upload it once.
 */
export async function uploadMediaToMeta(ctx: MediaContext, input: UploadMediaToMetaInput): Promise<{ metaMediaId: string; reused: boolean }> {
  const { tenantId, phoneNumberId, mediaFileId } = input;
  try {
    const file = await withTenant(ctx.db.app, tenantId, (trx) => findMediaFile(trx, mediaFileId));
    if (!file) throw ApplicationFailure.nonRetryable('No such media file in this workspace', 'media_not_found');
    const uploadedAt = file.metaUploadedAt?.getTime() ?? 0;
    if (file.metaMediaId && file.metaPhoneNumberId === phoneNumberId && Date.now() - uploadedAt < REUSE_FOR_MS) {
      return { metaMediaId: file.metaMediaId, reused: true };
    }
    if (!/^\d{1,30}$/.test(phoneNumberId)) throw ApplicationFailure.nonRetryable('Not a phone number id', 'number_not_connected');
    const token = await loadAccountToken(ctx.db, ctx.encryptionKeys, tenantId, phoneNumberId);
    const object = await ctx.storage.get(tenantId, file.storageKey);
    if (!object) throw ApplicationFailure.nonRetryable('The file is no longer stored; upload it again', 'media_missing');
    const bytes = await buffer(object.stream);

    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', file.mimeType);
    form.set('file', new Blob([bytes], { type: file.mimeType }), file.filename ?? file.id);
    const response = await ctx.graph.request<{ id?: string }>({
      method: 'POST',
      path: `${phoneNumberId}/media`,
      token,
      form,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      signal: currentActivity()?.cancellationSignal,
    });
    if (!response.id) throw retryableMediaFailure('Meta answered the upload without a media id');
    const metaMediaId = response.id;
    await withTenant(ctx.db.app, tenantId, (trx) => recordMetaUpload(trx, mediaFileId, metaMediaId, phoneNumberId));
    return { metaMediaId, reused: false };
  } catch (err) {
    throw cancelledOr(err, 'Uploading the media to WhatsApp');
  }
}
