import type { platformRole } from '../../domain/platform';

/** A platform (super) admin: no tenant, and never accepted where a tenant principal is expected. */
export interface PlatformPrincipal {
  platformAdminId: string;
  role: typeof platformRole;
}
