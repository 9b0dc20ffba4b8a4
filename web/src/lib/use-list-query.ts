import { hashKey, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo, type Dispatch, type SetStateAction } from 'react';
import { describeError } from '../features/forms/error-messages';

export interface ListQuery<T> {
  items: T[];
  /** True until the first answer (a background refresh keeps showing the cached list). */
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
  /** A local update after a create, edit or delete: every view of this key sees it at once. */
  setItems: Dispatch<SetStateAction<T[]>>;
}

const none: never[] = [];

/** A list read from the API under `key`, shared by every component that shows it. */
export function useListQuery<T>(key: QueryKey, load: () => Promise<T[]>): ListQuery<T> {
  const client = useQueryClient();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key's parts, not its identity, name the entry
  const stableKey = useMemo(() => key, [hashKey(key)]);
  const query = useQuery({ queryKey: key, queryFn: load });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  const setItems = useCallback<Dispatch<SetStateAction<T[]>>>(
    (next) => client.setQueryData<T[]>(stableKey, (old) => (typeof next === 'function' ? next(old ?? []) : next)),
    [client, stableKey],
  );
  return {
    items: query.data ?? (none as T[]),
    loading: query.isPending,
    error: query.error ? describeError(query.error) : null,
    reload,
    setItems,
  };
}
