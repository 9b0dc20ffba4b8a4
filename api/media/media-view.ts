import type { MediaFile } from '../../db/media/media-files';
import { mediaKindOf, type TMediaFile } from '../../domain/media';

export function toMediaFileView(file: MediaFile): TMediaFile {
  return {
    id: file.id,
    // Inbound media may be a type we never send (a webp sticker): its top-level type still says how to show it.
    kind: mediaKindOf(file.mimeType) ?? (/^(image|video|audio)\//.exec(file.mimeType)?.[1] as TMediaFile['kind'] | undefined) ?? 'document',
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    filename: file.filename,
  };
}
