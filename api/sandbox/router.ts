import { listPlatformNotifications } from '../../db/system/platform-outbox';
import { ZOutboxQuerySchema, ZOutboxResponseSchema } from '../../domain/sandbox';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { assertOutboxReader } from './outbox-access';

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
    },
    async ({ query, ctx }) => {
      await assertOutboxReader(ctx, deps.config, query.to);
      return { data: await listPlatformNotifications(deps.db.system, query.to) };
    },
  );
}
