import type { TRole } from '../../domain/auth';

/** Who is calling, taken from the credential only — never from the body or the URL. */
export interface AuthPrincipal {
  userId: string;
  tenantId: string;
  role: TRole;
}
