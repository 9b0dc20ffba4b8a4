import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { describeError } from '../forms/error-messages';

export interface LoadedList<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
  /** For local updates after a create, edit or delete, without reloading. */
  setItems: Dispatch<SetStateAction<T[]>>;
}

/** A list read from the API on mount (and on `reload`), with its loading state and a readable error. */
export function useLoadedList<T>(load: () => Promise<T[]>): LoadedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await load());
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, loading, error, reload, setItems };
}
