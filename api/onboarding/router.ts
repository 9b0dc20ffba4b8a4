import { loadOnboardingState } from '../../db/onboarding/checklist';
import { withTenant } from '../../db/tenant-transaction';
import { temporalUiWorkflowsUrl, toChecklist, ZOnboardingChecklistSchema, ZWorkspaceSchema } from '../../domain/onboarding';
import { getTenant } from '../../db/tenants/tenants';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';

/** The dashboard's "Get started" checklist and the workspace facts Settings shows. */
export function registerOnboardingRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'workspace';

  routes.add(
    {
      method: 'get',
      path: '/onboarding/checklist',
      tag,
      summary: 'The "Get started" steps, each ticked from what the workspace has really done',
      access: 'user',
      allowWithoutSubscription: true,
      response: ZOnboardingChecklistSchema,
    },
    async ({ auth }) => toChecklist(await withTenant(deps.db.app, auth.tenantId, loadOnboardingState)),
  );

  routes.add(
    {
      method: 'get',
      path: '/workspace',
      tag,
      summary: "The workspace's id, name and slug; for admins, the Temporal UI list of its workflows",
      access: 'user',
      allowWithoutSubscription: true,
      response: ZWorkspaceSchema,
    },
    async ({ auth }) => {
      const tenant = await withTenant(deps.db.app, auth.tenantId, (trx) => getTenant(trx, auth.tenantId));
      const { uiUrl, namespace } = deps.config.temporal;
      return { id: tenant.id, name: tenant.name, slug: tenant.slug, temporalUiUrl: auth.role === 'admin' ? temporalUiWorkflowsUrl(uiUrl, namespace, tenant.id) : null };
    },
  );
}
