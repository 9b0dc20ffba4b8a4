import type { TKnowledgeDocumentCreate } from '@domain/ai';

/** The API takes at most 5,000,000 characters; base64 makes a PDF a third larger. */
const MAX_CONTENT_CHARS = 5_000_000;
export const MAX_PDF_BYTES = Math.floor((MAX_CONTENT_CHARS / 4) * 3);

export type KnowledgeFormat = TKnowledgeDocumentCreate['format'];

/** .pdf → pdf, .md/.markdown → markdown, .txt → text; anything else is refused. */
export function knowledgeFormatOf(name: string, mimeType: string): KnowledgeFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf') || mimeType === 'application/pdf') return 'pdf';
  if (lower.endsWith('.md') || lower.endsWith('.markdown') || mimeType === 'text/markdown') return 'markdown';
  if (lower.endsWith('.txt') || mimeType === 'text/plain') return 'text';
  return null;
}

/** "Return policy.pdf" → "Return policy". */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .slice(0, 200);
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A picked file as the API's `{format, content}`: text as is, a PDF's bytes in base64. Throws a readable reason. */
export async function readKnowledgeFile(file: File): Promise<{ format: KnowledgeFormat; content: string }> {
  const format = knowledgeFormatOf(file.name, file.type);
  if (!format) throw new Error('Choose a .pdf, .txt or .md file.');
  if (format === 'pdf') {
    if (file.size > MAX_PDF_BYTES) throw new Error(`That PDF is too large (at most ${(MAX_PDF_BYTES / 1024 / 1024).toFixed(1)} MB).`);
    return { format, content: base64Of(new Uint8Array(await file.arrayBuffer())) };
  }
  const content = await file.text();
  if (!content.trim()) throw new Error('That file is empty.');
  if (content.length > MAX_CONTENT_CHARS) throw new Error('That file is too long (at most 5 million characters).');
  return { format, content };
}
