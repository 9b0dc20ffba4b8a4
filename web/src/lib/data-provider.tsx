import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useSession } from '../features/session/use-session';
import { createQueryClient } from './query-client';

/** Who the cached data belongs to: nothing read for one user or workspace is ever shown to another. */
function sessionIdentity(state: ReturnType<typeof useSession>['state']): string {
  return state.status === 'authenticated' ? `${state.session.tenant.id}:${state.session.user.id}` : '';
}

/** The keyed data cache, one per signed-in identity: a sign-out or a switch of user starts empty. */
export function DataProvider({ children }: { children: ReactNode }) {
  const identity = sessionIdentity(useSession().state);
  // A new identity is exactly when a new cache is wanted (the memo's only input).
  const client = useMemo(createQueryClient, [identity]);
  useEffect(() => () => client.clear(), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
