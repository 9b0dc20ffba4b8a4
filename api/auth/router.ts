import {
  ZAuthResponseSchema,
  ZLoginSchema,
  ZMeResponseSchema,
  ZRegisterInitiateResponseSchema,
  ZRegisterInitiateSchema,
  ZRegisterResendSchema,
  ZRegisterSchema,
} from '../../domain/auth';
import { ZAcceptInviteSchema, ZInvitationLookupSchema, ZInvitationSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import type { RateLimiters } from '../middleware/rate-limits';
import { createMailer } from '../../integrations/notifications/mailer';
import { acceptInvite } from '../users/accept-invite';
import { lookUpInvitation } from '../users/look-up-invitation';
import { grantOutboxAccess } from '../sandbox/outbox-access';
import { registerAccountRoutes } from './account-routes';
import { sendVerificationEmail } from './email-verification';
import { describeMe } from './get-me';
import { initiateRegistration } from './initiate-registration';
import { login } from './login';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { revokeRefreshTokenFamily } from './refresh-tokens';
import { refreshSession } from './refresh-session';
import { register } from './register';
import { sendSignUpCode } from './sign-up-code';

export function registerAuthRoutes(routes: RouteRegistry, deps: ApiDeps, limiters: RateLimiters): void {
  const tag = 'auth';
  const mailer = createMailer(deps.config, deps.db.system, deps.logger);
  registerAccountRoutes(routes, deps, limiters, mailer);

  routes.add(
    {
      method: 'post',
      path: '/auth/register/initiate',
      tag,
      summary: 'Start sign-up: sends a 6-digit code to the phone',
      errors: ['workspace_taken', 'otp_locked', 'otp_budget_exhausted'],
      access: 'public',
      body: ZRegisterInitiateSchema,
      response: ZRegisterInitiateResponseSchema,
      status: 202,
      throttle: { policy: 'auth', account: ['email', 'phone'] },
    },
    async ({ body, ctx }) => {
      const answer = await initiateRegistration(deps, limiters, body);
      await grantOutboxAccess(ctx, deps.config, [body.phone, body.email]);
      return answer;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/register/resend',
      tag,
      summary: 'Send a new code for a pending sign-up, once the cooldown since the last code has passed',
      errors: ['not_found', 'otp_resend_cooldown'],
      access: 'public',
      body: ZRegisterResendSchema,
      response: ZRegisterInitiateResponseSchema,
      status: 202,
      throttle: { policy: 'auth', account: ['email', 'phone'] },
    },
    async ({ body, ctx }) => {
      const answer = await sendSignUpCode(deps, limiters, body, 'resend');
      await grantOutboxAccess(ctx, deps.config, [body.phone]);
      return answer;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/register',
      tag,
      summary: 'Finish sign-up with the code: creates the workspace and starts the trial',
      errors: ['otp_invalid', 'otp_expired', 'otp_locked', 'otp_budget_exhausted', 'email_taken', 'workspace_taken'],
      access: 'public',
      body: ZRegisterSchema,
      response: ZAuthResponseSchema,
      status: 201,
      throttle: { policy: 'auth', account: ['email', 'phone'] },
    },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await register(deps, body, ctx.ip);
      await sendVerificationEmail(deps, mailer, { tenantId: session.tenant.id, userId: session.user.id, email: session.user.email });
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/login',
      tag,
      summary: 'Sign in with email and password',
      errors: ['invalid_credentials', 'account_deactivated'],
      access: 'public',
      body: ZLoginSchema,
      response: ZAuthResponseSchema,
      throttle: { policy: 'auth', account: ['email'] },
    },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await login(deps, body, ctx.ip);
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/refresh',
      tag,
      summary: 'Exchange the refresh cookie for a new access token (rotates the cookie)',
      errors: ['refresh_token_invalid', 'refresh_token_reused', 'account_deactivated'],
      access: 'public',
      response: ZAuthResponseSchema,
      throttle: { policy: 'auth' },
    },
    async ({ ctx }) => {
      try {
        const { refreshToken, ...session } = await refreshSession(deps, readRefreshCookie(ctx), ctx.ip);
        setRefreshCookie(ctx, deps.config, refreshToken);
        return session;
      } catch (err) {
        clearRefreshCookie(ctx);
        throw err;
      }
    },
  );

  routes.add({ method: 'post', path: '/auth/logout', tag, summary: 'End this session (revokes the refresh token family)', access: 'public', status: 204 }, async ({ ctx }) => {
    const presented = readRefreshCookie(ctx);
    if (presented) await revokeRefreshTokenFamily(deps.db, presented);
    clearRefreshCookie(ctx);
    ctx.status = 204;
  });

  routes.add(
    {
      method: 'post',
      path: '/auth/invite/lookup',
      tag,
      summary: 'What an invitation is for (workspace, inviter, role, email), for the page that accepts it; the token travels in the body, never in a URL',
      errors: ['not_found'],
      access: 'public',
      body: ZInvitationLookupSchema,
      response: ZInvitationSchema,
      throttle: { policy: 'auth' },
    },
    async ({ body }) => lookUpInvitation(deps, body.token),
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/accept-invite',
      tag,
      summary: 'Accept a team invitation by choosing a password',
      errors: ['not_found', 'conflict', 'email_taken'],
      access: 'public',
      body: ZAcceptInviteSchema,
      response: ZAuthResponseSchema,
      throttle: { policy: 'auth' },
    },
    async ({ body, ctx }) => {
      const { refreshToken, ...session } = await acceptInvite(deps, body);
      await sendVerificationEmail(deps, mailer, { tenantId: session.tenant.id, userId: session.user.id, email: session.user.email });
      setRefreshCookie(ctx, deps.config, refreshToken);
      return session;
    },
  );

  for (const path of ['/me', '/auth/me']) {
    routes.add(
      {
        method: 'get',
        path,
        tag,
        summary: 'The signed-in user, the workspace and its access (trial, subscription)',
        access: 'user',
        allowWithoutSubscription: true,
        response: ZMeResponseSchema,
      },
      async ({ ctx }) => describeMe(ctx.state.user, ctx.state.tenant),
    );
  }
}
