import type { TRegisterInitiate, TRegisterInitiateResponse } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import { workspaceSlugInUse } from '../../db/system/identity';
import type { ApiDeps } from '../deps';
import type { RateLimiters } from '../middleware/rate-limits';
import { sendSignUpCode } from './sign-up-code';
import { workspaceSlug } from './slug';

/**
 * Sends a 6-digit code to the phone (10 minutes, 5 tries), or reuses the one still pending for this
 * phone and email. It answers the same whether or not the email has an account: that is reported
 * only by `/auth/register`, to whoever holds the phone's code.
 */
export async function initiateRegistration(deps: ApiDeps, limiters: RateLimiters, input: TRegisterInitiate): Promise<TRegisterInitiateResponse> {
  if (await workspaceSlugInUse(deps.db.system, workspaceSlug(input.workspace))) {
    throw new AppError('workspace_taken', 'A workspace with this name already exists; choose another name');
  }
  return sendSignUpCode(deps, limiters, { phone: input.phone, email: input.email }, 'initiate');
}
