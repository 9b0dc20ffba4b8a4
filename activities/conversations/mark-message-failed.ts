import type { Database } from '../../db/connection';
import { failPendingSend } from '../../db/dispatch/send-ledger';
import { markMessageFailed as markFailedMessage } from '../../db/inbox/messages';
import { withTenant } from '../../db/tenant-transaction';

/** A send that failed for good stays visible with the provider's code and a human explanation. */
export async function markMessageFailed(
  db: Database,
  input: { tenantId: string; messageId: string; messageCreatedAt: string; code: string; title: string; detail: string },
): Promise<void> {
  await withTenant(db.app, input.tenantId, async (trx) => {
    await markFailedMessage(trx, { messageId: input.messageId, createdAt: new Date(input.messageCreatedAt) }, { code: input.code, title: input.title, detail: input.detail });
    await failPendingSend(trx, input.messageId, input.code);
  });
}
