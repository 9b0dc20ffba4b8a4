import { useCallback } from 'react';
import type { TKnowledgeDocument } from '@domain/ai';
import { listKnowledgeDocuments } from '../../../api/ai';
import { queryKeys } from '../../../lib/query-keys';
import { useListQuery } from '../../../lib/use-list-query';

/** The knowledge base's documents, newest first, with local updates after add and delete. */
export function useKnowledgeDocuments() {
  const { items: documents, loading, error, reload, setItems } = useListQuery(queryKeys.knowledgeDocuments, listKnowledgeDocuments);
  const add = useCallback((doc: TKnowledgeDocument) => setItems((list) => [doc, ...list.filter((d) => d.id !== doc.id)]), [setItems]);
  const remove = useCallback((id: string) => setItems((list) => list.filter((d) => d.id !== id)), [setItems]);
  return { documents, loading, error, reload, add, remove };
}
