import type { UseQueryResult } from '@tanstack/react-query';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * A read as the three states a page shows. A retry after an error shows "loading" again; a background
 * refresh of data already shown keeps showing it.
 */
export function queryState<T>(query: UseQueryResult<T>): QueryState<T> {
  if (query.data !== undefined) return { status: 'ready', data: query.data };
  if (query.isError && !query.isFetching) return { status: 'error', error: query.error };
  return { status: 'loading' };
}
