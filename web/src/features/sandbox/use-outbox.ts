import { useQuery } from '@tanstack/react-query';
import type { TOutboxResponse } from '@domain/sandbox';
import { isApiError } from '../../api/api-error';
import { fetchOutbox } from '../../api/sandbox';
import { queryKeys } from '../../lib/query-keys';
import { queryState } from '../../lib/query-state';
import { describeError } from '../forms/error-messages';

export type OutboxState =
  | { status: 'loading' }
  | { status: 'ready'; messages: TOutboxResponse['data'] }
  /** The route exists only in sandbox mode. */
  | { status: 'not-sandbox' }
  | { status: 'error'; message: string };

/** What the sandbox outbox holds for `to`. */
export function useOutbox(to: string): { state: OutboxState; reload: () => void } {
  const query = useQuery({ queryKey: queryKeys.sandboxOutbox(to), queryFn: () => fetchOutbox(to) });
  const loaded = queryState(query);
  const reload = () => void query.refetch();
  if (loaded.status === 'ready') return { state: { status: 'ready', messages: loaded.data.data }, reload };
  if (loaded.status === 'error') {
    const { error } = loaded;
    if (isApiError(error) && error.status === 404) return { state: { status: 'not-sandbox' }, reload };
    // The API's own words say why (another browser's recipient, or not a phone or an email).
    return { state: { status: 'error', message: isApiError(error) ? error.message : describeError(error) }, reload };
  }
  return { state: loaded, reload };
}
