import { metaSimulatorUrl } from '../../config';
import { withTenant } from '../../db/tenant-transaction';
import { listConnectedAccounts } from '../../db/whatsapp/accounts';
import { SANDBOX_PLATFORM_DISPLAY_NUMBER, ZSandboxInfoResponseSchema, type TSandboxInfoResponse } from '../../domain/sandbox';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';

/** Sandbox mode only: what the web phone simulator needs to play the customer of this workspace. */
export function registerSandboxInfoRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  routes.add(
    {
      method: 'get',
      path: '/sandbox/info',
      tag: 'sandbox',
      summary: "The Meta simulator's URL and the workspace's connected numbers, for the phone simulator (sandbox only)",
      access: 'user',
      allowWithoutSubscription: true,
      response: ZSandboxInfoResponseSchema,
    },
    async ({ auth }): Promise<TSandboxInfoResponse> => {
      const accounts = await withTenant(deps.db.app, auth.tenantId, listConnectedAccounts);
      const { phoneNumberId: platformNumberId } = deps.config.platform;
      const platform = platformNumberId
        ? [
            {
              phoneNumberId: platformNumberId,
              displayPhoneNumber: SANDBOX_PLATFORM_DISPLAY_NUMBER,
              verifiedName: 'Aerostic (codes and reminders)',
              isDefault: false,
              platform: true as const,
            },
          ]
        : [];
      return {
        metaSimulatorUrl: metaSimulatorUrl(deps.config) ?? null,
        simulatorControlToken: deps.config.sandboxControlToken,
        numbers: [
          ...accounts.map((a) => ({ phoneNumberId: a.phoneNumberId, displayPhoneNumber: a.displayPhoneNumber, verifiedName: a.verifiedName ?? null, isDefault: a.isDefault })),
          ...platform,
        ],
      };
    },
  );
}
