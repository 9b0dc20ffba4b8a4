import type { Knex } from 'knex';

/**
 * The conversation's writes to the send ledger (`message_sends`, whose row type and dispatcher
 * functions live with the dispatcher): a recorded outbound message opens its row as `pending`, and a
 * send that failed for good closes it unless Meta accepted it meanwhile.
 */
export async function insertPendingSend(trx: Knex, input: { tenantId: string; messageId: string; phoneNumberId: string }): Promise<void> {
  await trx('message_sends').insert({ message_id: input.messageId, tenant_id: input.tenantId, phone_number_id: input.phoneNumberId, state: 'pending' });
}

export async function failPendingSend(trx: Knex, messageId: string, errorCode: string): Promise<void> {
  await trx('message_sends').where({ message_id: messageId }).whereNot({ state: 'accepted' }).update({ state: 'failed', last_error_code: errorCode, updated_at: new Date() });
}
