import { useCallback, useEffect, useState } from 'react';
import type { TLabel } from '../../../../domain/inbox';
import { listLabels } from '../../api/labels';
import { describeError } from '../forms/error-messages';

/** The workspace's labels, with local updates after create and delete. */
export function useLabels() {
  const [labels, setLabels] = useState<TLabel[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setLabels(await listLabels());
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

  const add = useCallback((label: TLabel) => setLabels((list) => [...list.filter((l) => l.id !== label.id), label].sort((a, b) => a.name.localeCompare(b.name))), []);
  const remove = useCallback((id: string) => setLabels((list) => list.filter((l) => l.id !== id)), []);

  return { labels, loading, error, reload, add, remove };
}
