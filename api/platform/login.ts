import type { TLogin } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { findPlatformAdminByEmail } from '../../db/system/platform-admins';
import type { ApiDeps } from '../deps';
import { verifyPassword } from '../auth/passwords';
import { signPlatformToken } from './tokens';

/** One answer for unknown email and wrong password, in the same time (a decoy hash is verified). */
export async function loginPlatformAdmin(deps: ApiDeps, input: TLogin): Promise<{ token: string; expiresAt: Date }> {
  const platformAdmin = await findPlatformAdminByEmail(deps.db.system, input.email);
  const passwordOk = await verifyPassword(platformAdmin?.passwordHash, input.password);
  if (!platformAdmin || !passwordOk) throw new AppError('invalid_credentials', 'Email or password is not right');
  return signPlatformToken(deps.config.jwt, platformAdmin.id);
}
