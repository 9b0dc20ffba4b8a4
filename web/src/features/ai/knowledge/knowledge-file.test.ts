import { knowledgeFormatOf, readKnowledgeFile, titleFromFileName } from './knowledge-file';

describe('knowledge files', () => {
  it('knows the format from the name or the type', () => {
    expect(knowledgeFormatOf('Menu.PDF', '')).toBe('pdf');
    expect(knowledgeFormatOf('faq.md', '')).toBe('markdown');
    expect(knowledgeFormatOf('notes', 'text/plain')).toBe('text');
    expect(knowledgeFormatOf('photo.png', 'image/png')).toBeNull();
    expect(titleFromFileName('return_policy-2025.pdf')).toBe('return policy 2025');
  });

  it('sends text as is and a PDF as base64', async () => {
    await expect(readKnowledgeFile(new File(['# Hours\nWe open at 10'], 'faq.md'))).resolves.toEqual({ format: 'markdown', content: '# Hours\nWe open at 10' });
    await expect(readKnowledgeFile(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'a.pdf', { type: 'application/pdf' }))).resolves.toEqual({
      format: 'pdf',
      content: 'JVBERg==',
    });
    await expect(readKnowledgeFile(new File(['x'], 'a.png', { type: 'image/png' }))).rejects.toThrow(/\.pdf, \.txt or \.md/);
  });
});
