import { useCallback } from 'react';
import type { TCannedResponse } from '@domain/inbox';
import { listCannedResponses } from '../../../api/canned-responses';
import { queryKeys } from '../../../lib/query-keys';
import { useListQuery } from '../../../lib/use-list-query';

/** The workspace's canned responses, with local updates after create, edit and delete. */
export function useCannedResponses() {
  const { items, loading, error, reload, setItems } = useListQuery(queryKeys.cannedResponses, listCannedResponses);
  const upsert = useCallback(
    (item: TCannedResponse) => setItems((list) => [...list.filter((r) => r.id !== item.id), item].sort((a, b) => a.shortcut.localeCompare(b.shortcut))),
    [setItems],
  );
  const remove = useCallback((id: string) => setItems((list) => list.filter((r) => r.id !== id)), [setItems]);
  return { items, loading, error, reload, upsert, remove };
}
