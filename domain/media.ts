import { z } from 'zod';

export type TMediaKind = 'image' | 'video' | 'audio' | 'document';

const MB = 1024 * 1024;

/** What WhatsApp accepts for sending, and how big (Cloud API "Supported media types"; EXTERNAL-APIS §1.9). */
export const mediaLimits: Record<TMediaKind, { maxBytes: number; mimeTypes: string[] }> = {
  image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
  video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
  audio: { maxBytes: 16 * MB, mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'] },
  document: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
};

/** The largest file any kind allows: the cap for a download or an upload before its type is known. */
export const maxMediaBytes = Math.max(...Object.values(mediaLimits).map((l) => l.maxBytes));

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function mimeEssence(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase();
}

export function mediaKindOf(mimeType: string): TMediaKind | undefined {
  const essence = mimeEssence(mimeType);
  return (Object.keys(mediaLimits) as TMediaKind[]).find((kind) => mediaLimits[kind].mimeTypes.includes(essence));
}

/** Types a browser may render in place; everything else is served as a download. */
export function isInlineSafe(mimeType: string): boolean {
  const kind = mediaKindOf(mimeType);
  return kind === 'image' || kind === 'video' || kind === 'audio' || mimeEssence(mimeType) === 'image/webp';
}

export const ZMediaFileSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['image', 'video', 'audio', 'document']),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  filename: z.string().nullable(),
});
export type TMediaFile = z.infer<typeof ZMediaFileSchema>;

/** A file name fit to store and show: no path, no control characters, not absurdly long. */
export function cleanFilename(name: string | null | undefined): string | null {
  const cleaned = (name ?? '')
    .replace(/[\u0000-\u001f\u007f"\\/]/g, '')
    .trim()
    .slice(0, 240);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}

export const ZMediaIdParamSchema = z.object({ id: z.uuid('must be a UUID') });
