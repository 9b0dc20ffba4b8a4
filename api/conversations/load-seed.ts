import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { phoneLookupIndexes } from '../../db/contacts/phone-identity';
import { seedOf } from '../../db/system/conversation-seed';
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
  const row = await withTenant(db.app, tenantId, (trx) =>
    trx('contacts as k')
      .leftJoin('conversations as c', (on) => on.on('c.contact_id', 'k.id').andOnVal('c.phone_number_id', phoneNumberId))
      .whereIn('k.phone_blind_index', phoneLookupIndexes(keys, tenantId, phone))
      .first('k.id as contact_id', 'k.opted_out', 'c.id as conversation_id', 'c.last_inbound_at', 'c.status', 'c.mode', 'c.ai_reply_count'),
  );
  return seedOf(row);
}
