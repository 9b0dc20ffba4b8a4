/** Safe reads from a message's `content` (Meta's shapes inbound, ours outbound): wrong types read as absent. */
export type Content = Record<string, unknown>;

export function text(c: Content | undefined, key: string): string | undefined {
  const value = c?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function num(c: Content | undefined, key: string): number | undefined {
  const value = c?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function obj(c: Content | undefined, key: string): Content | undefined {
  const value = c?.[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Content) : undefined;
}

export function list(c: Content | undefined, key: string): Content[] {
  const value = c?.[key];
  return Array.isArray(value) ? value.filter((v): v is Content => Boolean(v) && typeof v === 'object') : [];
}

export interface MediaRef {
  kind: string;
  /** Our stored file (GET /media/:id), when the file was fetched (inbound) or uploaded (outbound). */
  fileId?: string;
  link?: string;
  caption?: string;
  filename?: string;
  mimeType?: string;
}

/** Inbound media carry `mediaFileId` beside Meta's fields; outbound ones `media.{fileId|link|id}`. */
export function mediaRef(type: string, c: Content): MediaRef {
  const media = obj(c, 'media');
  if (media) return { kind: type, fileId: text(media, 'fileId'), link: text(media, 'link'), caption: text(media, 'caption'), filename: text(media, 'filename') };
  return { kind: type, fileId: text(c, 'mediaFileId'), caption: text(c, 'caption'), filename: text(c, 'filename'), mimeType: text(c, 'mime_type') };
}

/** One line standing for a message (reply quotes, reactions). */
export function messageText(type: string, c: Content): string | undefined {
  if (type === 'text') return text(c, 'body') ?? text(obj(c, 'text'), 'body');
  if (type === 'button') return text(c, 'text');
  if (type === 'interactive') return text(obj(c, 'button_reply'), 'title') ?? text(obj(c, 'list_reply'), 'title');
  if (type === 'buttons') return text(obj(c, 'buttons'), 'body');
  if (type === 'list') return text(obj(c, 'list'), 'body');
  return undefined;
}
