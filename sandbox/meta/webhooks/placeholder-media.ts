/** Small but well-formed files, so an app that inspects downloaded media sees the right magic bytes. */
const JPEG_1PX =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
const WEBP_1PX = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';
const OGG_HEADER = 'T2dnUwACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
const MP4_FTYP = 'AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29t';
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

export const DEFAULT_MEDIA: Record<'image' | 'video' | 'audio' | 'document' | 'sticker', { mimeType: string; bytes: () => Buffer; filename?: string }> = {
  image: { mimeType: 'image/jpeg', bytes: () => Buffer.from(JPEG_1PX, 'base64') },
  sticker: { mimeType: 'image/webp', bytes: () => Buffer.from(WEBP_1PX, 'base64') },
  audio: { mimeType: 'audio/ogg; codecs=opus', bytes: () => Buffer.from(OGG_HEADER, 'base64') },
  video: { mimeType: 'video/mp4', bytes: () => Buffer.from(MP4_FTYP, 'base64') },
  document: { mimeType: 'application/pdf', bytes: () => Buffer.from(PDF, 'latin1'), filename: 'document.pdf' },
};
