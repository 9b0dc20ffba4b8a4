import type { Knex } from 'knex';

/** A `media_files` row; every function here runs inside `withTenant`, so RLS scopes it. `size_bytes` is a bigint, read as a string. */
export interface MediaFileRow {
  id: string;
  tenant_id: string;
  message_id: string | null;
  direction: 'inbound' | 'outbound';
  mime_type: string;
  size_bytes: string | number;
  sha256: string;
  storage_key: string;
  meta_media_id: string | null;
  meta_phone_number_id: string | null;
  meta_uploaded_at: Date | null;
  filename: string | null;
  created_at: Date;
}

type Optional = 'message_id' | 'meta_media_id' | 'meta_phone_number_id' | 'meta_uploaded_at' | 'filename';
type NewMediaFileRow = Omit<MediaFileRow, 'id' | 'created_at' | Optional> & Partial<Pick<MediaFileRow, Optional>>;
type MediaFileChange = Partial<Pick<MediaFileRow, 'meta_media_id' | 'meta_phone_number_id'>> & { meta_uploaded_at?: Date | Knex.Raw };

declare module 'knex/types/tables' {
  interface Tables {
    media_files: Knex.CompositeTableType<MediaFileRow, NewMediaFileRow, MediaFileChange>;
  }
}

export interface MediaFile {
  id: string;
  messageId: string | null;
  direction: 'inbound' | 'outbound';
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  /** From `newMediaKey()`: where the bytes are in `MediaStorage`. */
  storageKey: string;
  /** Meta's id for a copy uploaded by `metaPhoneNumberId` at `metaUploadedAt` (Meta ids belong to a number and expire). */
  metaMediaId: string | null;
  metaPhoneNumberId: string | null;
  metaUploadedAt: Date | null;
  filename: string | null;
  createdAt: Date;
}

const toMediaFile = (row: MediaFileRow): MediaFile => ({
  id: row.id,
  messageId: row.message_id,
  direction: row.direction,
  mimeType: row.mime_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  storageKey: row.storage_key,
  metaMediaId: row.meta_media_id,
  metaPhoneNumberId: row.meta_phone_number_id,
  metaUploadedAt: row.meta_uploaded_at,
  filename: row.filename,
  createdAt: row.created_at,
});

export interface NewMediaFile {
  tenantId: string;
  /** Inbound files belong to their message; uploads get one when they are sent. */
  messageId?: string;
  direction: 'inbound' | 'outbound';
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  metaMediaId?: string;
  filename: string | null;
}

const toRow = (file: NewMediaFile): NewMediaFileRow => ({
  tenant_id: file.tenantId,
  ...(file.messageId !== undefined ? { message_id: file.messageId } : {}),
  direction: file.direction,
  mime_type: file.mimeType,
  size_bytes: file.sizeBytes,
  sha256: file.sha256,
  storage_key: file.storageKey,
  ...(file.metaMediaId !== undefined ? { meta_media_id: file.metaMediaId } : {}),
  filename: file.filename,
});

export async function findMediaFile(trx: Knex.Transaction, id: string): Promise<MediaFile | undefined> {
  const row = await trx('media_files').where({ id }).first();
  return row && toMediaFile(row);
}

export async function findMediaFileOfMessage(trx: Knex.Transaction, messageId: string): Promise<MediaFile | undefined> {
  const row = await trx('media_files').where({ message_id: messageId }).first();
  return row && toMediaFile(row);
}

/** A file a user uploaded to send later. */
export async function insertMediaFile(trx: Knex.Transaction, file: NewMediaFile): Promise<MediaFile> {
  const [row] = await trx('media_files').insert(toRow(file)).returning('*');
  return toMediaFile(row);
}

/** Inserts the message's file unless the message already has one; answers with whichever row is stored. */
export async function insertMediaFileOfMessage(trx: Knex.Transaction, file: NewMediaFile & { messageId: string }): Promise<{ file: MediaFile; inserted: boolean }> {
  const [inserted] = await trx('media_files').insert(toRow(file)).onConflict(['tenant_id', 'message_id']).ignore().returning('*');
  if (inserted) return { file: toMediaFile(inserted), inserted: true };
  const existing = await findMediaFileOfMessage(trx, file.messageId);
  if (!existing) throw new Error('media_files insert was ignored but no row holds the message');
  return { file: existing, inserted: false };
}

/** Remembers Meta's id for the copy this number uploaded, so later sends of the file reuse it. */
export async function recordMetaUpload(trx: Knex.Transaction, id: string, metaMediaId: string, phoneNumberId: string): Promise<void> {
  await trx('media_files').where({ id }).update({ meta_media_id: metaMediaId, meta_phone_number_id: phoneNumberId, meta_uploaded_at: trx.fn.now() });
}

/**
 * The `messages` side of an inbound file. `messages` belongs to the conversations data (its row type
 * lives there); these two statements are the media feature's only use of it.
 */
export async function messageExists(trx: Knex.Transaction, messageId: string): Promise<boolean> {
  return Boolean(await trx('messages').where({ id: messageId }).first('id'));
}

/** Adds `{ mediaFileId }` to the message's content, where the inbox finds the file. */
export async function attachMediaFileToMessage(trx: Knex.Transaction, messageId: string, mediaFileId: string): Promise<void> {
  await trx('messages')
    .where({ id: messageId })
    .update({ content: trx.raw('content || ?::jsonb', [JSON.stringify({ mediaFileId })]), updated_at: trx.fn.now() });
}
