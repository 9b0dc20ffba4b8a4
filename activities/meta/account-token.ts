import { ApplicationFailure } from '@temporalio/common';
import type { EncryptionKey } from '../../config';
import type { Database } from '../../db/connection';
import { openWhatsappToken } from '../../db/crypto/sealed-columns';
import { withTenant } from '../../db/tenant-transaction';
import { findAccountToken } from '../../db/whatsapp/accounts';

/** The number's access token, decrypted only inside the activity that calls Meta with it. */
export async function loadAccountToken(db: Database, encryptionKeys: EncryptionKey[], tenantId: string, phoneNumberId: string): Promise<string> {
  const account = await withTenant(db.app, tenantId, (trx) => findAccountToken(trx, phoneNumberId));
  if (!account) throw ApplicationFailure.nonRetryable('This WhatsApp number is not connected to the workspace', 'number_not_connected');
  if (account.status === 'token_expired') throw ApplicationFailure.nonRetryable('The WhatsApp number must be reconnected: its access token expired', 'meta_190');
  return openWhatsappToken(encryptionKeys, tenantId, account.token);
}
