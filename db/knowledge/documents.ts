import type { Knex } from 'knex';
import type { TKnowledgeDocument } from '../../domain/ai';
import { AppError } from '../../domain/errors';

interface DocumentRow {
  id: string;
  title: string;
  format: TKnowledgeDocument['format'];
  char_count: number;
  chunk_count: number;
  created_at: Date;
}

const toDocument = (r: DocumentRow): TKnowledgeDocument => ({
  id: r.id,
  title: r.title,
  format: r.format,
  charCount: r.char_count,
  chunkCount: r.chunk_count,
  createdAt: r.created_at.toISOString(),
});

/** Rows per insert statement: well under Postgres' 65,535 bind parameters at 4 per chunk. */
const CHUNK_INSERT_BATCH = 1000;

export async function listKnowledgeDocuments(trx: Knex): Promise<TKnowledgeDocument[]> {
  return (await trx<DocumentRow>('knowledge_documents').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])).map(toDocument);
}

/** The document and its chunks; call inside one tenant transaction so a failure leaves neither. */
export async function insertKnowledgeDocument(
  trx: Knex.Transaction,
  document: { tenantId: string; title: string; format: TKnowledgeDocument['format']; createdBy: string },
  chunks: string[],
): Promise<TKnowledgeDocument> {
  const charCount = chunks.reduce((n, c) => n + c.length, 0);
  const [row] = await trx('knowledge_documents')
    .insert({ tenant_id: document.tenantId, title: document.title, format: document.format, char_count: charCount, chunk_count: chunks.length, created_by: document.createdBy })
    .returning('*');
  for (let start = 0; start < chunks.length; start += CHUNK_INSERT_BATCH) {
    const batch = chunks.slice(start, start + CHUNK_INSERT_BATCH);
    await trx('knowledge_chunks').insert(batch.map((content, i) => ({ tenant_id: document.tenantId, document_id: row.id, position: start + i, content })));
  }
  return toDocument(row);
}

/** Its chunks go with it (ON DELETE CASCADE). */
export async function deleteKnowledgeDocument(trx: Knex, id: string): Promise<void> {
  const deleted = await trx('knowledge_documents').where({ id }).delete();
  if (deleted === 0) throw new AppError('not_found', 'No knowledge document with this id');
}
