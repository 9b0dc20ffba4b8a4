import { createMailer } from '../../integrations/notifications/mailer';
import { ZAcceptedResponseSchema, ZPasswordForgotSchema, ZPasswordResetSchema, ZVerifyEmailSchema } from '../../domain/auth';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import type { RateLimiters } from '../middleware/rate-limits';
import { sendVerificationEmail, verifyEmail } from './email-verification';
import { requestPasswordReset, resetPassword } from './password-reset';
import { recoveryLimits } from './recovery-limits';

/** Email ownership and recovery: the mailed verification link and the password reset. */
export function registerAccountRoutes(routes: RouteRegistry, deps: ApiDeps, limiters: RateLimiters, mailer = createMailer(deps.config, deps.db.system, deps.logger)): void {
  const tag = 'auth';
  const limits = recoveryLimits(limiters);

  routes.add(
    {
      method: 'post',
      path: '/auth/email/verify',
      tag,
      summary: 'Confirm the email address with the token from the mailed link',
      errors: ['link_invalid'],
      access: 'public',
      body: ZVerifyEmailSchema,
      status: 204,
      throttle: { policy: 'auth' },
    },
    async ({ body }) => verifyEmail(deps, body.token),
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/email/verify/resend',
      tag,
      summary: 'Mail the verification link again to the signed-in user',
      access: 'user',
      allowWithoutSubscription: true,
      response: ZAcceptedResponseSchema,
      status: 202,
      throttle: { policy: 'mail' },
    },
    async ({ auth, ctx }) => {
      await limits.perAccount(ctx.state.user.email);
      if (!ctx.state.user.emailVerifiedAt) await sendVerificationEmail(deps, mailer, { tenantId: auth.tenantId, userId: auth.userId, email: ctx.state.user.email });
      return { status: 'accepted' as const };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/password/forgot',
      tag,
      summary: 'Mail a single-use password reset link (30 minutes); the same answer for any address',
      access: 'public',
      body: ZPasswordForgotSchema,
      response: ZAcceptedResponseSchema,
      status: 202,
      throttle: { policy: 'mail', account: ['email'] },
    },
    async ({ body }) => {
      await limits.perAccount(body.email);
      await requestPasswordReset(deps, mailer, body.email);
      return { status: 'accepted' as const };
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/password/reset',
      tag,
      summary: 'Choose a new password with the token from the reset link; ends every session',
      errors: ['link_invalid'],
      access: 'public',
      body: ZPasswordResetSchema,
      status: 204,
      throttle: { policy: 'auth' },
    },
    async ({ body, ctx }) => resetPassword(deps, body, ctx.ip),
  );
}
