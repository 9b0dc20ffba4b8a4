import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { InboundMessage } from '../../domain/messages';
import { upsertContact, upsertConversation } from './upsert-contact';

export interface RecordedInbound {
  duplicate: boolean;
  contactId: string;
  conversationId: string;
  messageId: string;
  optedOut: boolean;
  contactCreated: boolean;
}

/**
 * Stores an inbound message once per Meta message id (Meta redelivers): contact (auto lead, profile
 * name), conversation (window, unread, reopened if resolved) and the message, in one transaction.
 */
export async function recordInbound(db: Database, keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>, input: { tenantId: string; message: InboundMessage }): Promise<RecordedInbound> {
  const { tenantId, message } = input;
  return withTenant(db.app, tenantId, async (trx) => {
    const seen = await trx('message_wa_ids').where({ wa_message_id: message.waMessageId }).first('message_id');
    const contact = await upsertContact(trx, keys, { tenantId, phone: message.from, profileName: message.profileName, source: 'inbound' });
    if (seen) {
      const conversation = await trx('conversations').where({ contact_id: contact.id, phone_number_id: message.phoneNumberId }).first('id');
      return { duplicate: true, contactId: contact.id, conversationId: conversation.id, messageId: seen.message_id, optedOut: contact.optedOut, contactCreated: false };
    }
    const receivedAt = new Date(message.timestamp * 1000);
    const conversation = await upsertConversation(trx, { tenantId, contactId: contact.id, phoneNumberId: message.phoneNumberId, inboundAt: receivedAt });
    const messageId = randomUUID();
    const createdAt = new Date();
    await trx('messages').insert({
      id: messageId,
      tenant_id: tenantId,
      conversation_id: conversation.id,
      contact_id: contact.id,
      direction: 'inbound',
      type: message.type,
      content: { ...message.content, ...(message.context ? { context: message.context } : {}) },
      status: 'received',
      wa_message_id: message.waMessageId,
      sender: 'contact',
      created_at: createdAt,
    });
    await trx('message_wa_ids').insert({ tenant_id: tenantId, wa_message_id: message.waMessageId, message_id: messageId, message_created_at: createdAt });
    return { duplicate: false, contactId: contact.id, conversationId: conversation.id, messageId, optedOut: contact.optedOut, contactCreated: contact.created };
  });
}
