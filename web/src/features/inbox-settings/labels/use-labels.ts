import { useCallback } from 'react';
import type { TLabel } from '@domain/inbox';
import { listLabels } from '../../../api/labels';
import { queryKeys } from '../../../lib/query-keys';
import { useListQuery } from '../../../lib/use-list-query';

/** The workspace's labels, with local updates after create and delete. */
export function useLabels() {
  const { items: labels, loading, error, reload, setItems } = useListQuery(queryKeys.labels, listLabels);
  const add = useCallback((label: TLabel) => setItems((list) => [...list.filter((l) => l.id !== label.id), label].sort((a, b) => a.name.localeCompare(b.name))), [setItems]);
  const remove = useCallback((id: string) => setItems((list) => list.filter((l) => l.id !== id)), [setItems]);
  return { labels, loading, error, reload, add, remove };
}
