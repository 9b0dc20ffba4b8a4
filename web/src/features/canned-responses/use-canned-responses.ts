import { useCallback, useEffect, useState } from 'react';
import type { TCannedResponse } from '../../../../domain/inbox';
import { listCannedResponses } from '../../api/canned-responses';
import { describeError } from '../forms/error-messages';

/** The workspace's canned responses, with local updates after create, edit and delete. */
export function useCannedResponses() {
  const [items, setItems] = useState<TCannedResponse[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await listCannedResponses());
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

  const upsert = useCallback((item: TCannedResponse) => {
    setItems((list) => {
      const rest = list.filter((r) => r.id !== item.id);
      return [...rest, item].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
    });
  }, []);
  const remove = useCallback((id: string) => setItems((list) => list.filter((r) => r.id !== id)), []);

  return { items, loading, error, reload, upsert, remove };
}
