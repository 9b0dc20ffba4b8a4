import type { Middleware } from 'koa';
import { listPlatformNotifications } from '../../db/system/platform-outbox';
import { ZOutboxQuerySchema, ZOutboxResponseSchema, ZSandboxOtpQuerySchema, ZSandboxOtpResponseSchema, type TSandboxOtpResponse } from '../../domain/sandbox';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { assertOutboxReader } from './outbox-access';

/** Where the web app draws the outbox as a list (`web/src/routes/sandbox-outbox.tsx`). */
const OUTBOX_PAGE = '/outbox';

/** A browser opening the outbox link gets the readable page; programs keep the JSON of SPEC §3. */
const browsersToOutboxPage: Middleware = async (ctx, next) => {
  if (ctx.accepts('json', 'html') !== 'html') return next();
  ctx.status = 303;
  ctx.redirect(`${OUTBOX_PAGE}${ctx.search}`);
};

/** Sandbox mode only: what the platform "sent" to a phone or an email address, newest first. */
export function registerSandboxRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  routes.add(
    {
      method: 'get',
      path: '/sandbox/outbox',
      tag: 'sandbox',
      summary: 'Messages the platform sent to a phone or email (sandbox only; this machine or the browser that asked)',
      access: 'public',
      query: ZOutboxQuerySchema,
      response: ZOutboxResponseSchema,
      before: [browsersToOutboxPage],
    },
    async ({ query, ctx }) => {
      await assertOutboxReader(ctx, deps.config, query.to);
      return { data: await listPlatformNotifications(deps.db.system, query.to) };
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/sandbox/otp',
      tag: 'sandbox',
      summary: 'The newest sign-up code sent to a phone, for the code step (sandbox only; this machine or the browser that asked)',
      access: 'public',
      query: ZSandboxOtpQuerySchema,
      response: ZSandboxOtpResponseSchema,
    },
    async ({ query, ctx }): Promise<TSandboxOtpResponse> => {
      await assertOutboxReader(ctx, deps.config, query.to);
      const sent = (await listPlatformNotifications(deps.db.system, query.to)).find((m) => m.kind === 'otp');
      // The code is in the message text only (the challenge keeps a hash): the six digits of that text.
      const code = sent ? (/\b(\d{6})\b/.exec(sent.body)?.[1] ?? null) : null;
      return { code, sentAt: code ? sent!.createdAt : null };
    },
  );
}
