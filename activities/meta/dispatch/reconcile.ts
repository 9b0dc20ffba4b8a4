import type { Knex } from 'knex';
import { indexWamid, lockSendOfMessage, markAccepted } from '../../../db/dispatch/send-ledger';

/**
 * A status webhook carried our id (biz_opaque_callback_data), so Meta has the message even if the
 * attempt that sent it died before storing the answer. Called by the channel's status activity inside
 * the tenant transaction, for a wamid it does not know yet. Records the acceptance (ledger, wamid,
 * index, usage) unless the ledger already has it, and returns the message the status belongs to.
 */
export async function reconcileFromStatus(trx: Knex, input: { messageId: string; waMessageId: string }): Promise<{ messageId: string; createdAt: Date } | undefined> {
  const send = await lockSendOfMessage(trx, input.messageId);
  if (!send) return undefined;
  const createdAt = send.messageCreatedAt;
  if (send.state === 'pending' || send.state === 'in_flight') {
    await markAccepted(trx, {
      tenantId: send.tenantId,
      messageId: input.messageId,
      messageCreatedAt: createdAt,
      waMessageId: input.waMessageId,
      phoneNumberId: send.phoneNumberId,
    });
  } else {
    // Known already (perhaps under another wamid): index this one too so its statuses find the message.
    await indexWamid(trx, send.tenantId, input.waMessageId, input.messageId, createdAt.toISOString());
  }
  return { messageId: input.messageId, createdAt };
}
