import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TSandboxInfoResponse } from '@domain/sandbox';
import { isApiError } from '../../api/api-error';
import { fetchSandboxInfo } from '../../api/sandbox';
import { queryKeys } from '../../lib/query-keys';
import { queryState } from '../../lib/query-state';
import { describeError } from '../forms/error-messages';

export type SandboxInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: TSandboxInfoResponse }
  /** The route exists only in sandbox mode. */
  | { status: 'not-sandbox' }
  | { status: 'error'; message: string };

const notSandbox = (err: unknown) => isApiError(err) && err.status === 404;

export function useSandboxInfo(): { state: SandboxInfoState; reload: () => void } {
  const query = useQuery({ queryKey: queryKeys.sandboxInfo, queryFn: fetchSandboxInfo });
  const loaded = queryState(query);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (loaded.status === 'ready') return { state: { status: 'ready', info: loaded.data }, reload };
  if (loaded.status === 'error') return { state: notSandbox(loaded.error) ? { status: 'not-sandbox' } : { status: 'error', message: describeError(loaded.error) }, reload };
  return { state: loaded, reload };
}

/** Whether the server runs in sandbox mode, asked once per page load (a failed probe is asked again). */
export function useSandboxMode(): boolean {
  const { data } = useQuery({ queryKey: queryKeys.sandboxInfo, queryFn: fetchSandboxInfo, staleTime: Infinity });
  return data !== undefined;
}
