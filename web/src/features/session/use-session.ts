import { use } from 'react';
import { SessionContext, type SessionContextValue } from './session-context';
import type { Session } from './session';

export function useSession(): SessionContextValue {
  const ctx = use(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** For pages behind <RequireAuth>, where a session is guaranteed. */
export function useCurrentSession(): Session {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentSession needs an authenticated session');
  return state.session;
}
