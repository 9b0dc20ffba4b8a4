import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { phoneBlindIndex } from '../../db/contacts/phone-identity';
import { withTenant } from '../../db/tenant-transaction';
import { newConversationSeed, type ConversationSeed } from '../../domain/conversation';

/** What a (re)started conversation actor must know from Postgres: the window, the opt-out, who answers. */
export async function loadConversationSeed(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>,
  tenantId: string,
  phoneNumberId: string,
  phone: string,
): Promise<ConversationSeed> {
  return withTenant(db.app, tenantId, async (trx) => {
    const contact = await trx('contacts').where({ phone_blind_index: phoneBlindIndex(keys, phone) }).first('id', 'opted_out');
    if (!contact) return { ...newConversationSeed };
    const conversation = await trx('conversations').where({ contact_id: contact.id, phone_number_id: phoneNumberId }).first('id', 'last_inbound_at', 'status', 'mode', 'ai_reply_count');
    return {
      ...newConversationSeed,
      lastInboundAt: conversation?.last_inbound_at ? conversation.last_inbound_at.getTime() : null,
      optedOut: contact.opted_out,
      contactId: contact.id,
      conversationId: conversation?.id ?? null,
      ...(conversation ? { status: conversation.status, mode: conversation.mode, aiReplyCount: conversation.ai_reply_count } : {}),
    };
  });
}
