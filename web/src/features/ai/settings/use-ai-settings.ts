import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TAiSettings } from '@domain/ai';
import { fetchAiSettings } from '../../../api/ai';
import { queryKeys } from '../../../lib/query-keys';
import { queryState } from '../../../lib/query-state';
import { describeError } from '../../forms/error-messages';

type SettingsState = { status: 'loading' } | { status: 'ready'; settings: TAiSettings } | { status: 'error'; message: string };

export function useAiSettings() {
  // gcTime 0: the form copies what it is given once, so it must never start from a cached, older copy.
  const query = useQuery({ queryKey: queryKeys.aiSettings, queryFn: fetchAiSettings, gcTime: 0 });
  const loaded = queryState(query);
  const state: SettingsState =
    loaded.status === 'ready' ? { status: 'ready', settings: loaded.data } : loaded.status === 'error' ? { status: 'error', message: describeError(loaded.error) } : loaded;
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  return { state, retry };
}
