import type { Database } from '../../db/connection';
import { chunkDocument } from '../../db/ai/knowledge-chunk';
import { insertKnowledgeDocument } from '../../db/ai/knowledge-documents';
import { withTenant } from '../../db/tenant-transaction';
import type { TKnowledgeDocument, TKnowledgeDocumentCreate } from '../../domain/ai';
import { AppError } from '../../domain/errors';
import type { AuthPrincipal } from '../auth/principal';
import { decodePdfContent, extractPdfPages } from './pdf-text';

/** Chunks a document (PDFs: their extracted text, a page break counting as a paragraph break). */
async function toChunks(body: TKnowledgeDocumentCreate): Promise<string[]> {
  if (body.format !== 'pdf') return chunkDocument(body.content, body.format);
  const pages = await extractPdfPages(decodePdfContent(body.content));
  const chunks = chunkDocument(pages.join('\n\n'), 'text');
  if (chunks.length === 0) {
    const message = 'This PDF has no text to read (a scan or only images?); upload a PDF with selectable text, or paste the text';
    throw new AppError('unprocessable', message, { details: [{ path: 'content', message }] });
  }
  return chunks;
}

/** Text is extracted and chunked before the transaction opens; the document and its chunks are then written together. */
export async function createKnowledgeDocument(db: Database, auth: AuthPrincipal, body: TKnowledgeDocumentCreate): Promise<TKnowledgeDocument> {
  const chunks = await toChunks(body);
  if (chunks.length === 0) throw new AppError('unprocessable', 'The document has no text', { details: [{ path: 'content', message: 'only whitespace' }] });
  return withTenant(db.app, auth.tenantId, (trx) =>
    insertKnowledgeDocument(trx, { tenantId: auth.tenantId, title: body.title, format: body.format, createdBy: auth.userId }, chunks),
  );
}
