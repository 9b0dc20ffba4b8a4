import type { Knex } from 'knex';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import { statusRank, type DeliveryStatus } from '../../domain/messages';
import { explainMetaError } from '../meta/dispatch/explain';
import { reconcileFromStatus } from '../meta/dispatch/reconcile';

export interface AppliedStatus {
  messageId: string;
  conversationId: string;
  status: DeliveryStatus['status'];
}

const RANK_SQL = `case status when 'sent' then 1 when 'failed' then 1.5 when 'delivered' then 2 when 'read' then 3 else 0 end`;
const TIME_COLUMN = { sent: 'sent_at', delivered: 'delivered_at', read: 'read_at', failed: 'failed_at' } as const;

/**
 * Applies a batch of delivery statuses from one number, monotonically: a status only moves a message
 * forward (a late `sent` never overwrites `read`; `failed` keeps Meta's code and an explanation).
 * A status carrying our message id also settles a send whose answer the dispatcher never stored.
 */
export async function applyStatuses(db: Database, input: { tenantId: string; statuses: DeliveryStatus[] }): Promise<AppliedStatus[]> {
  const ordered = [...input.statuses].sort((a, b) => a.timestamp - b.timestamp || statusRank[a.status] - statusRank[b.status]);
  return withTenant(db.app, input.tenantId, async (trx) => {
    const applied: AppliedStatus[] = [];
    for (const status of ordered) {
      const target = await findMessage(trx, status);
      if (!target) continue;
      const at = new Date(status.timestamp * 1000);
      const error = status.error ? { error_code: String(status.error.code), error_title: status.error.title, error_detail: status.error.detail ?? explainMetaError(status.error.code) } : {};
      const changed = await trx('messages')
        .where({ id: target.messageId, created_at: target.createdAt })
        .whereRaw(`(${RANK_SQL}) < ?`, [statusRank[status.status]])
        .update({ status: status.status, [TIME_COLUMN[status.status]]: at, updated_at: new Date(), ...error })
        .returning(['conversation_id']);
      if (changed.length) applied.push({ messageId: target.messageId, conversationId: changed[0].conversation_id, status: status.status });
    }
    return applied;
  });
}

async function findMessage(trx: Knex, status: DeliveryStatus): Promise<{ messageId: string; createdAt: Date } | undefined> {
  const known = await trx('message_wa_ids').where({ wa_message_id: status.waMessageId }).first('message_id', 'message_created_at');
  if (known) return { messageId: known.message_id, createdAt: known.message_created_at };
  if (!status.messageId || !/^[0-9a-f-]{36}$/.test(status.messageId)) return undefined;
  // Meta accepted a send whose answer we never stored (the worker died in between): settle it now.
  return reconcileFromStatus(trx, { messageId: status.messageId, waMessageId: status.waMessageId });
}
