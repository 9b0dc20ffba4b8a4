import type { TMeResponse } from '../../domain/auth';
import { tenantAccess } from '../../domain/trial';
import type { Tenant } from '../../db/tenants/tenants';
import type { User } from '../../db/users/users';

export function describeMe(user: User, tenant: Tenant, now = new Date()): TMeResponse {
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerifiedAt !== null },
    tenant: {
      id: tenant.id,
      name: tenant.name,
      slug: tenant.slug,
      trialEndsAt: tenant.trialEndsAt.toISOString(),
      access: tenantAccess(tenant, now),
    },
  };
}
