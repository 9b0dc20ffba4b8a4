import { inboundMediaRef } from './inbound-media';
import { cleanFilename, isInlineSafe, mediaKindOf } from './media';

describe('media types and names', () => {
  it('knows what WhatsApp accepts, ignoring MIME parameters', () => {
    expect(mediaKindOf('audio/ogg; codecs=opus')).toBe('audio');
    expect(mediaKindOf('IMAGE/PNG')).toBe('image');
    expect(mediaKindOf('image/gif')).toBeUndefined();
    expect(mediaKindOf('text/html')).toBeUndefined();
  });

  it('renders in place only media a browser cannot run', () => {
    expect(isInlineSafe('image/jpeg')).toBe(true);
    expect(isInlineSafe('application/pdf')).toBe(false);
    expect(isInlineSafe('image/svg+xml')).toBe(false);
    expect(isInlineSafe('text/html')).toBe(false);
  });

  it('cleans file names of paths, quotes and control characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('....etcpasswd');
    expect(cleanFilename('in"voice\r\n.pdf')).toBe('invoice.pdf');
    expect(cleanFilename('..')).toBeNull();
    expect(cleanFilename('  ')).toBeNull();
    expect(cleanFilename(undefined)).toBeNull();
    expect(cleanFilename('x'.repeat(300))).toHaveLength(240);
  });
});

describe('inboundMediaRef', () => {
  const message = (type: string, content: Record<string, unknown>) => ({
    waMessageId: 'wamid.x',
    phoneNumberId: '1',
    from: '+1',
    profileName: null,
    timestamp: 0,
    type,
    content,
    context: null,
  });

  it('takes the media id, type, name and digest from a media message', () => {
    expect(inboundMediaRef(message('document', { id: '123', mime_type: 'application/pdf', filename: 'a.pdf', sha256: 'ab', caption: 'c' }))).toEqual({
      mediaId: '123',
      mimeType: 'application/pdf',
      filename: 'a.pdf',
      sha256: 'ab',
    });
    expect(inboundMediaRef(message('sticker', { id: '9', mime_type: 'image/webp' }))).toMatchObject({ mediaId: '9' });
  });

  it('ignores messages without media', () => {
    expect(inboundMediaRef(message('text', { body: 'hi' }))).toBeUndefined();
    expect(inboundMediaRef(message('image', {}))).toBeUndefined();
  });
});
