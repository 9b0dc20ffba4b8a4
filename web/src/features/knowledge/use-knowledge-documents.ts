import { useCallback } from 'react';
import type { TKnowledgeDocument } from '@domain/ai';
import { listKnowledgeDocuments } from '../../api/ai';
import { useLoadedList } from '../data/use-loaded-list';

/** The knowledge base's documents, newest first, with local updates after add and delete. */
export function useKnowledgeDocuments() {
  const { items: documents, loading, error, reload, setItems } = useLoadedList(listKnowledgeDocuments);
  const add = useCallback((doc: TKnowledgeDocument) => setItems((list) => [doc, ...list.filter((d) => d.id !== doc.id)]), [setItems]);
  const remove = useCallback((id: string) => setItems((list) => list.filter((d) => d.id !== id)), [setItems]);
  return { documents, loading, error, reload, add, remove };
}
