import type { TAccess, TAuthResponse, TMeResponse, TTenantSummary, TUser } from '@domain/auth';
import { hasSessionFlag } from '@domain/auth-cookies';
import { fetchMe } from '../../api/auth';
import { apiClient, isApiError } from '../../api/client';

export interface Session {
  user: TUser;
  tenant: TTenantSummary;
  access: TAccess;
  /** False until the mailed link is opened; the app shows a banner meanwhile. */
  emailVerified: boolean;
}

export type SessionState = { status: 'loading' } | { status: 'anonymous'; reason?: 'signed_out' | 'expired' } | { status: 'authenticated'; session: Session };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Keeps the token from a login/register/refresh answer and fills in access from GET /me. */
export async function loadSession(auth: TAuthResponse): Promise<Session> {
  apiClient.setAccessToken(auth.accessToken);
  try {
    return sessionFromMe(await fetchMe());
  } catch (err) {
    // The sign-in itself succeeded; draw what we know rather than failing the whole login.
    const blocked = isApiError(err) && err.status === 402;
    // Unknown here: no banner rather than a wrong one.
    return { user: auth.user, tenant: auth.tenant, access: estimateAccess(auth.tenant.trialEndsAt, blocked), emailVerified: true };
  }
}

export function sessionFromMe(me: TMeResponse): Session {
  const { access, ...tenant } = me.tenant;
  const { emailVerified, ...user } = me.user;
  return { user, tenant, access, emailVerified };
}

function estimateAccess(trialEndsAt: string, blocked: boolean): TAccess {
  const daysLeft = Math.max(0, Math.ceil((Date.parse(trialEndsAt) - Date.now()) / DAY_MS));
  return { trialActive: !blocked && daysLeft > 0, trialDaysLeft: daysLeft, subscriptionStatus: null, blocked };
}

let restoring: Promise<Session | null> | null = null;

/**
 * On page load, trade the refresh cookie for a session. Done once per page: React's StrictMode
 * mounts effects twice, and a rotated refresh token must never be sent twice. Without the session
 * flag cookie there is no refresh cookie either, so a logged-out load asks nothing.
 */
export function restoreSessionOnce(): Promise<Session | null> {
  restoring ??= hasSessionFlag(document.cookie)
    ? apiClient
        .refresh()
        .then((auth) => (auth ? loadSession(auth) : null))
        .catch(() => null)
    : Promise.resolve(null);
  return restoring;
}
