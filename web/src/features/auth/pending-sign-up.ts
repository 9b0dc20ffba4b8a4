import { z } from 'zod';

/**
 * The sign-up waiting for its code, kept in this tab's sessionStorage so a reload comes back to
 * "Verify your number". Never the password nor the code: after a reload the password is asked again.
 */
const ZPendingSignUpSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  workspace: z.string(),
  expiresAt: z.string(),
  resendAvailableAt: z.string(),
});
export type PendingSignUp = z.infer<typeof ZPendingSignUpSchema>;

const KEY = 'aerostic.pending-sign-up';

export function loadPendingSignUp(): PendingSignUp | null {
  try {
    const parsed = ZPendingSignUpSchema.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function savePendingSignUp(pending: PendingSignUp): void {
  const { name, email, phone, workspace, expiresAt, resendAvailableAt } = pending;
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ name, email, phone, workspace, expiresAt, resendAvailableAt }));
  } catch {
    // Storage can be full or disabled (private mode): the sign-up still works, only not across a reload.
  }
}

export function clearPendingSignUp(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
