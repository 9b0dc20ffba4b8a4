import type { Knex } from 'knex';
import { mediaKindOf, type TMediaFile } from '../../domain/media';

/** A `media_files` row; every function here runs inside `withTenant`, so RLS scopes it. */
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

export type NewMediaFile = Omit<MediaFileRow, 'id' | 'created_at' | 'meta_phone_number_id' | 'meta_uploaded_at'> &
  Partial<Pick<MediaFileRow, 'meta_phone_number_id' | 'meta_uploaded_at'>>;

export async function findMediaFile(trx: Knex.Transaction, id: string): Promise<MediaFileRow | undefined> {
  return trx<MediaFileRow>('media_files').where({ id }).first();
}

export async function findMediaFileOfMessage(trx: Knex.Transaction, messageId: string): Promise<MediaFileRow | undefined> {
  return trx<MediaFileRow>('media_files').where({ message_id: messageId }).first();
}

/** Inserts the row unless the message already has one; answers with whichever row is stored. */
export async function insertMediaFile(trx: Knex.Transaction, row: NewMediaFile): Promise<{ row: MediaFileRow; inserted: boolean }> {
  const [inserted] = await trx<MediaFileRow>('media_files').insert(row).onConflict(['tenant_id', 'message_id']).ignore().returning('*');
  if (inserted) return { row: inserted, inserted: true };
  const existing = row.message_id ? await findMediaFileOfMessage(trx, row.message_id) : undefined;
  if (!existing) throw new Error('media_files insert was ignored but no row holds the message');
  return { row: existing, inserted: false };
}

export function toMediaFile(row: MediaFileRow): TMediaFile {
  return {
    id: row.id,
    // Inbound media may be a type we never send (a webp sticker): its top-level type still says how to show it.
    kind: mediaKindOf(row.mime_type) ?? (/^(image|video|audio)\//.exec(row.mime_type)?.[1] as TMediaFile['kind'] | undefined) ?? 'document',
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    filename: row.filename,
  };
}
