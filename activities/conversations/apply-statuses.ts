import type { Knex } from 'knex';
import type { Database } from '../../db/connection';
import { advanceMessageStatus, findMessageByWaId } from '../../db/inbox/messages';
import { withTenant } from '../../db/tenant-transaction';
import { statusRank, type DeliveryStatus } from '../../domain/messages';
import { explainMetaError } from '../meta/dispatch/explain';
import { reconcileFromStatus } from '../meta/dispatch/reconcile';

export interface AppliedStatus {
  messageId: string;
  conversationId: string;
  status: DeliveryStatus['status'];
}

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
      const error = status.error ? { code: String(status.error.code), title: status.error.title, detail: status.error.detail ?? explainMetaError(status.error.code) } : undefined;
      const conversationId = await advanceMessageStatus(trx, target, { status: status.status, rank: statusRank[status.status], at: new Date(status.timestamp * 1000), error });
      if (conversationId) applied.push({ messageId: target.messageId, conversationId, status: status.status });
    }
    return applied;
  });
}

async function findMessage(trx: Knex, status: DeliveryStatus): Promise<{ messageId: string; createdAt: Date } | undefined> {
  const known = await findMessageByWaId(trx, status.waMessageId);
  if (known) return known;
  if (!status.messageId || !/^[0-9a-f-]{36}$/.test(status.messageId)) return undefined;
  // Meta accepted a send whose answer we never stored (the worker died in between): settle it now.
  return reconcileFromStatus(trx, { messageId: status.messageId, waMessageId: status.waMessageId });
}
