import { QueryClient } from '@tanstack/react-query';

/**
 * No automatic retries: a failed read shows its error at once with a retry button, as before.
 * staleTime 0 keeps "a page shows fresh data when it opens"; the cache only removes the blank
 * state between screens and the duplicate reads of components that show the same list.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
