import type { Knex } from 'knex';
import { indexWamid, markAccepted } from './ledger';

/**
 * A status webhook carried our id (biz_opaque_callback_data), so Meta has the message even if the
 * attempt that sent it died before storing the answer. Called by the channel's status activity inside
 * the tenant transaction, for a wamid it does not know yet. Records the acceptance (ledger, wamid,
 * index, usage) unless the ledger already has it, and returns the message the status belongs to.
 */
export async function reconcileFromStatus(trx: Knex, input: { messageId: string; waMessageId: string }): Promise<{ messageId: string; createdAt: Date } | undefined> {
  const send = await trx('message_sends').where({ message_id: input.messageId }).forUpdate().first('tenant_id', 'phone_number_id', 'state');
  if (!send) return undefined;
  const message = await trx('messages').where({ id: input.messageId }).first('created_at');
  if (!message) return undefined;
  const createdAt: Date = message.created_at;
  if (send.state === 'pending' || send.state === 'in_flight') {
    await markAccepted(trx, { tenantId: send.tenant_id, messageId: input.messageId, messageCreatedAt: createdAt, waMessageId: input.waMessageId, phoneNumberId: send.phone_number_id });
  } else {
    // Known already (perhaps under another wamid): index this one too so its statuses find the message.
    await indexWamid(trx, send.tenant_id, input.waMessageId, input.messageId, createdAt.toISOString());
  }
  return { messageId: input.messageId, createdAt };
}
