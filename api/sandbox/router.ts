import { listPlatformNotifications } from '../../db/system/platform-outbox';
import { ZOutboxQuerySchema, ZOutboxResponseSchema } from '../../domain/sandbox';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';

/** Sandbox mode only: what the platform "sent" to a phone (OTPs, reminders), newest first. */
export function registerSandboxRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  routes.add(
    { method: 'get', path: '/sandbox/outbox', tag: 'sandbox', summary: 'Messages the platform sent to a phone (sandbox only)', access: 'public', query: ZOutboxQuerySchema, response: ZOutboxResponseSchema },
    async ({ query }) => ({ data: await listPlatformNotifications(deps.db.system, query.to) }),
  );
}
