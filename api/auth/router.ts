import {
  ZAuthResponseSchema,
  ZLoginSchema,
  ZMeResponseSchema,
  ZRegisterInitiateResponseSchema,
  ZRegisterInitiateSchema,
  ZRegisterSchema,
} from '../../domain/auth';
import { ZAcceptInviteSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { limitByClient, type RateLimiters } from '../middleware/rate-limits';
import { acceptInvite } from '../users/accept-invite';
import { describeMe } from './get-me';
import { initiateRegistration } from './initiate-registration';
import { login } from './login';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { revokeRefreshTokenFamily } from './refresh-tokens';
import { refreshSession } from './refresh-session';
import { register } from './register';

export function registerAuthRoutes(routes: RouteRegistry, deps: ApiDeps, limiters: RateLimiters): void {
  const limited = [limitByClient(limiters.auth)];
  const tag = 'auth';

  routes.add(
    { method: 'post', path: '/auth/register/initiate', tag, summary: 'Start sign-up: sends a 6-digit code to the phone', errors: ['email_taken', 'workspace_taken', 'otp_locked', 'rate_limited'], access: 'public', body: ZRegisterInitiateSchema, response: ZRegisterInitiateResponseSchema, status: 202, before: limited },
    async ({ body }) => initiateRegistration(deps, limiters, body),
  );

  routes.add(
    { method: 'post', path: '/auth/register', tag, summary: 'Finish sign-up with the code: creates the workspace and starts the trial', errors: ['otp_invalid', 'otp_expired', 'otp_locked', 'email_taken', 'workspace_taken'], access: 'public', body: ZRegisterSchema, response: ZAuthResponseSchema, status: 201, before: limited },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await register(deps, body, ctx.ip);
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  routes.add(
    { method: 'post', path: '/auth/login', tag, summary: 'Sign in with email and password', errors: ['invalid_credentials', 'account_deactivated'], access: 'public', body: ZLoginSchema, response: ZAuthResponseSchema, before: limited },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await login(deps, body);
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  routes.add(
    { method: 'post', path: '/auth/refresh', tag, summary: 'Exchange the refresh cookie for a new access token (rotates the cookie)', errors: ['refresh_token_invalid', 'refresh_token_reused', 'account_deactivated'], access: 'public', response: ZAuthResponseSchema, before: limited },
    async ({ ctx }) => {
      try {
        const { refreshToken, ...session } = await refreshSession(deps, readRefreshCookie(ctx));
        setRefreshCookie(ctx, deps.config, refreshToken);
        return session;
      } catch (err) {
        clearRefreshCookie(ctx);
        throw err;
      }
    },
  );

  routes.add(
    { method: 'post', path: '/auth/logout', tag, summary: 'End this session (revokes the refresh token family)', access: 'public', status: 204 },
    async ({ ctx }) => {
      const presented = readRefreshCookie(ctx);
      if (presented) await revokeRefreshTokenFamily(deps.db, presented);
      clearRefreshCookie(ctx);
      ctx.status = 204;
    },
  );

  routes.add(
    { method: 'post', path: '/auth/accept-invite', tag, summary: 'Accept a team invitation by choosing a password', errors: ['not_found', 'conflict', 'email_taken'], access: 'public', body: ZAcceptInviteSchema, response: ZAuthResponseSchema, before: limited },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await acceptInvite(deps, body);
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  for (const path of ['/me', '/auth/me']) {
    routes.add(
      { method: 'get', path, tag, summary: 'The signed-in user, the workspace and its access (trial, subscription)', access: 'user', allowWithoutSubscription: true, response: ZMeResponseSchema },
      async ({ ctx }) => describeMe(ctx.state.user, ctx.state.tenant),
    );
  }
}

