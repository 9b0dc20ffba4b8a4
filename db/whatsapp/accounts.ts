import type { Knex } from 'knex';
import type { Sealed } from '../crypto/field-encryption';
import { WhatsappAccount } from '../models/whatsapp-account';

/** The workspace's numbers, default first, then in the order they were connected. */
export async function listAccounts(trx: Knex): Promise<WhatsappAccount[]> {
  return WhatsappAccount.query(trx).orderBy([{ column: 'is_default', order: 'desc' }, { column: 'created_at' }]);
}

export interface ConnectedNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  qualityRating: string | null;
  token: Sealed;
}

/**
 * Records a number after Meta confirmed it: reconnecting a number of this workspace refreshes its
 * row and token; the workspace's first number becomes its default. A number held by another
 * workspace fails on the unique phone_number_id (which RLS cannot hide from the index).
 */
export async function saveConnectedAccount(trx: Knex.Transaction, tenantId: string, number: ConnectedNumber): Promise<WhatsappAccount> {
  // Serialises connects within the workspace, so two first numbers cannot both become the default.
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`whatsapp-accounts:${tenantId}`]);
  const fields = {
    wabaId: number.wabaId,
    displayPhoneNumber: number.displayPhoneNumber,
    verifiedName: number.verifiedName,
    qualityRating: number.qualityRating,
    status: 'connected' as const,
    accessTokenCiphertext: number.token.ciphertext,
    accessTokenKeyId: number.token.keyId,
    tokenExpiresAt: null,
    updatedAt: new Date(),
  };
  const existing = await WhatsappAccount.query(trx).findOne({ phone_number_id: number.phoneNumberId });
  if (existing) return existing.$query(trx).patchAndFetch(fields);
  const hasDefault = await WhatsappAccount.query(trx).findOne({ is_default: true });
  return WhatsappAccount.query(trx).insertAndFetch({ tenantId, phoneNumberId: number.phoneNumberId, ...fields, isDefault: !hasDefault });
}

export const PHONE_NUMBER_TAKEN_CONSTRAINT = 'whatsapp_accounts_phone_number_id_unique';

/** The number a message goes out from: the one asked for (when it is the workspace's) or the default. */
export async function findSendingNumber(trx: Knex, phoneNumberId?: string): Promise<{ phoneNumberId: string; status: string } | undefined> {
  const row = await trx('whatsapp_accounts')
    .where(phoneNumberId ? { phone_number_id: phoneNumberId } : { is_default: true })
    .first('phone_number_id', 'status');
  return row && { phoneNumberId: row.phone_number_id, status: row.status };
}
