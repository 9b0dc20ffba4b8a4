import { mediaRef, messageText } from './content-fields';

describe('reading message content', () => {
  it('finds the stored file of inbound and outbound media', () => {
    expect(mediaRef('image', { id: 'meta-1', mime_type: 'image/png', caption: 'this one?', mediaFileId: 'f1' })).toEqual({
      kind: 'image',
      fileId: 'f1',
      caption: 'this one?',
      filename: undefined,
      mimeType: 'image/png',
    });
    expect(mediaRef('document', { type: 'document', media: { fileId: 'f2', filename: 'menu.pdf' } })).toMatchObject({ kind: 'document', fileId: 'f2', filename: 'menu.pdf' });
    expect(mediaRef('image', { type: 'image', media: { link: 'https://example.com/a.png' } })).toMatchObject({ link: 'https://example.com/a.png', fileId: undefined });
  });

  it('reads the text of every kind that has one, and nothing of the wrong type', () => {
    expect(messageText('text', { body: 'hi' })).toBe('hi');
    expect(messageText('text', { type: 'text', text: { body: 'hello' } })).toBe('hello');
    expect(messageText('interactive', { type: 'list_reply', list_reply: { id: 'm', title: 'Medium' } })).toBe('Medium');
    expect(messageText('button', { payload: 'P', text: 'Track' })).toBe('Track');
    expect(messageText('text', { body: 42 })).toBeUndefined();
  });
});
