import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';

/** A send that failed for good stays visible with the provider's code and a human explanation. */
export async function markMessageFailed(
  db: Database,
  input: { tenantId: string; messageId: string; messageCreatedAt: string; code: string; title: string; detail: string },
): Promise<void> {
  await withTenant(db.app, input.tenantId, async (trx) => {
    await trx('messages')
      .where({ id: input.messageId, created_at: new Date(input.messageCreatedAt) })
      .whereNot({ status: 'failed' })
      .update({ status: 'failed', failed_at: new Date(), error_code: input.code, error_title: input.title, error_detail: input.detail, updated_at: new Date() });
    await trx('message_sends').where({ message_id: input.messageId }).whereNot({ state: 'accepted' }).update({ state: 'failed', last_error_code: input.code, updated_at: new Date() });
  });
}
