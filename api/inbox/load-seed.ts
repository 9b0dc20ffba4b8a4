import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { phoneLookupIndexes } from '../../db/contacts/phone-identity';
import { readConversationSeed } from '../../db/inbox/seed';
import { withTenant } from '../../db/tenant-transaction';
import type { ConversationSeed } from '../../domain/conversation';

/** What a (re)started conversation actor must know from Postgres: the window, the opt-out, who answers. */
export async function loadConversationSeed(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>,
  tenantId: string,
  phoneNumberId: string,
  phone: string,
): Promise<ConversationSeed> {
  return withTenant(db.app, tenantId, (trx) => readConversationSeed(trx, tenantId, phoneNumberId, phoneLookupIndexes(keys, tenantId, phone)));
}
