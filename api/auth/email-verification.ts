import type { Mailer } from '../../integrations/notifications/mailer';
import { withTenant } from '../../db/tenant-transaction';
import { markEmailVerified } from '../../db/users/users';
import type { ApiDeps } from '../deps';
import { issueAccountToken, withAccountToken } from './account-tokens';

const VERIFY_TTL_MS = 3 * 86_400_000;

/** Mails a link that proves the address belongs to the person signed in as `userId`. */
export async function sendVerificationEmail(deps: ApiDeps, mailer: Mailer, owner: { tenantId: string; userId: string; email: string }): Promise<void> {
  const token = await withTenant(deps.db.app, owner.tenantId, (trx) => issueAccountToken(trx, owner, 'verify_email', VERIFY_TTL_MS));
  // The token travels in the fragment: browsers never send it to a server or in a Referer.
  const link = `${deps.config.publicUrl}/verify-email#token=${token}`;
  await mailer.send({
    tenantId: owner.tenantId,
    to: owner.email,
    kind: 'email_verification',
    subject: 'Confirm your email for Aerostic',
    text: `Open this link to confirm this is your email address: ${link}\nIt works once, for 3 days. If you did not sign up for Aerostic, ignore this message.`,
    idempotencyKey: `verify-email:${owner.userId}:${token.slice(0, 16)}`,
  });
}

export async function verifyEmail(deps: ApiDeps, token: string): Promise<void> {
  await withAccountToken(deps.db, token, 'verify_email', (trx, owner) => markEmailVerified(trx, owner.userId));
}
