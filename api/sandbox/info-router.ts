import { metaSimulatorUrl } from '../../config';
import { withTenant } from '../../db/tenant-transaction';
import { SANDBOX_PLATFORM_DISPLAY_NUMBER, ZSandboxInfoResponseSchema, type TSandboxInfoResponse } from '../../domain/sandbox';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';

/** Sandbox mode only: what the web phone simulator needs to play the customer of this workspace. */
export function registerSandboxInfoRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  routes.add(
    { method: 'get', path: '/sandbox/info', tag: 'sandbox', summary: "The Meta simulator's URL and the workspace's connected numbers, for the phone simulator (sandbox only)", access: 'user', allowWithoutSubscription: true, response: ZSandboxInfoResponseSchema },
    async ({ auth }): Promise<TSandboxInfoResponse> => {
      const rows = await withTenant(deps.db.app, auth.tenantId, (trx) =>
        trx('whatsapp_accounts')
          .where({ status: 'connected' })
          .orderBy([{ column: 'is_default', order: 'desc' }, { column: 'created_at', order: 'asc' }])
          .select('phone_number_id', 'display_phone_number', 'verified_name', 'is_default'),
      );
      const { phoneNumberId: platformNumberId } = deps.config.platform;
      const platform = platformNumberId ? [{ phoneNumberId: platformNumberId, displayPhoneNumber: SANDBOX_PLATFORM_DISPLAY_NUMBER, verifiedName: 'Aerostic (codes and reminders)', isDefault: false, platform: true as const }] : [];
      return {
        metaSimulatorUrl: metaSimulatorUrl(deps.config) ?? null,
        simulatorControlToken: deps.config.sandboxControlToken,
        numbers: [...rows.map((r) => ({ phoneNumberId: r.phone_number_id, displayPhoneNumber: r.display_phone_number, verifiedName: r.verified_name ?? null, isDefault: r.is_default })), ...platform],
      };
    },
  );
}
