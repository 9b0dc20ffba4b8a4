import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/full-page-loader';
import { useSession } from './use-session';

export interface LoginRedirectState {
  from?: string;
  expired?: boolean;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = state.reason === 'signed_out' ? {} : { from: location.pathname + location.search, expired: state.reason === 'expired' };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return children;
}

/** Login and register are for visitors; a signed-in user goes straight to the app. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'authenticated') return <Navigate to="/app" replace />;
  return children;
}
