import type { InboundMessage } from './messages';

// Zod-free on purpose: the conversation workflow imports this, and its bundle should stay small.
const INBOUND_MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/** The media an inbound message carries, as `storeInboundMedia` takes it; undefined for other messages. */
export function inboundMediaRef(message: InboundMessage): { mediaId: string; mimeType?: string; filename?: string; sha256?: string } | undefined {
  if (!INBOUND_MEDIA_TYPES.has(message.type) || typeof message.content.id !== 'string') return undefined;
  const text = (key: string) => (typeof message.content[key] === 'string' ? (message.content[key] as string) : undefined);
  return { mediaId: message.content.id, mimeType: text('mime_type'), filename: text('filename'), sha256: text('sha256') };
}
