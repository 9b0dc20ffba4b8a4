import { useCallback, useEffect, useState } from 'react';
import type { TKnowledgeDocument } from '../../../../domain/ai';
import { listKnowledgeDocuments } from '../../api/ai';
import { describeError } from '../forms/error-messages';

/** The knowledge base's documents, newest first, with local updates after add and delete. */
export function useKnowledgeDocuments() {
  const [documents, setDocuments] = useState<TKnowledgeDocument[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setDocuments(await listKnowledgeDocuments());
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback((doc: TKnowledgeDocument) => setDocuments((list) => [doc, ...list.filter((d) => d.id !== doc.id)]), []);
  const remove = useCallback((id: string) => setDocuments((list) => list.filter((d) => d.id !== id)), []);
  return { documents, loading, error, reload, add, remove };
}
