import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TAuthResponse } from '@domain/auth';
import { fetchMe, logout } from '../../api/auth';
import { apiClient } from '../../api/client';
import { loadSession, restoreSessionOnce, sessionFromMe, type Session, type SessionState } from './session';

export interface SessionContextValue {
  state: SessionState;
  /** Adopt the answer of login, register or accept-invite. */
  signIn(auth: TAuthResponse): Promise<Session>;
  signOut(): Promise<void>;
  /** Re-read GET /me (trial days, block state, role, email verification). */
  reload(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    void restoreSessionOnce().then((session) => {
      if (active) setState(session ? { status: 'authenticated', session } : { status: 'anonymous' });
    });
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    const offExpired = apiClient.onSessionExpired(() => setState({ status: 'anonymous', reason: 'expired' }));
    const offBlocked = apiClient.onBlocked(() =>
      setState((prev) =>
        prev.status === 'authenticated' ? { ...prev, session: { ...prev.session, access: { ...prev.session.access, blocked: true, trialActive: false } } } : prev,
      ),
    );
    return () => {
      offExpired();
      offBlocked();
    };
  }, []);

  const signIn = useCallback(async (auth: TAuthResponse) => {
    const session = await loadSession(auth);
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The local session ends regardless; the cookie expires on its own.
    }
    apiClient.setAccessToken(null);
    setState({ status: 'anonymous', reason: 'signed_out' });
  }, []);

  const reload = useCallback(async () => {
    setState({ status: 'authenticated', session: sessionFromMe(await fetchMe()) });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  return <SessionContext value={value}>{children}</SessionContext>;
}
