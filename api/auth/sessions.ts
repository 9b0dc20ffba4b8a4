import type { Tenant } from '../../db/tenants/tenants';
import type { User } from '../../db/users/users';
import type { TAuthResponse } from '../../domain/auth';
import type { AppConfig } from '../../config';
import { signAccessToken } from './access-tokens';

/** The body every successful sign-in answers with: a fresh access token plus who and where you are. */
export async function authResponse(jwt: AppConfig['jwt'], user: User, tenant: Tenant): Promise<TAuthResponse> {
  return {
    accessToken: await signAccessToken(jwt, { userId: user.id, tenantId: tenant.id, role: user.role }),
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, trialEndsAt: tenant.trialEndsAt.toISOString() },
  };
}
