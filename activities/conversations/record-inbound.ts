import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { loadAiSettings } from '../../db/ai/settings';
import { upsertContact } from '../../db/contacts/contacts';
import { findConversationIdOf, recordInboundConversation } from '../../db/inbox/conversations';
import { findMessageByWaId, insertMessage } from '../../db/inbox/messages';
import { withTenant } from '../../db/tenant-transaction';
import type { InboundMessage } from '../../domain/messages';

export interface RecordedInbound {
  duplicate: boolean;
  contactId: string;
  conversationId: string;
  messageId: string;
  optedOut: boolean;
  contactCreated: boolean;
  /** The workspace's AI switch as this message found it (the actor's memory follows it as the row does). */
  aiEnabled: boolean;
}

/**
 * Stores an inbound message once per Meta message id (Meta redelivers): contact (auto lead, profile
 * name), conversation (window, unread, reopened if resolved) and the message, in one transaction.
 */
export async function recordInbound(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>,
  input: { tenantId: string; message: InboundMessage },
): Promise<RecordedInbound> {
  const { tenantId, message } = input;
  return withTenant(db.app, tenantId, async (trx) => {
    const seen = await findMessageByWaId(trx, message.waMessageId);
    const contact = await upsertContact(trx, keys, { tenantId, phone: message.from, profileName: message.profileName, source: 'inbound' });
    const { enabled: aiEnabled } = await loadAiSettings(trx);
    if (seen) {
      const conversationId = await findConversationIdOf(trx, contact.id, message.phoneNumberId);
      return { duplicate: true, contactId: contact.id, conversationId: conversationId!, messageId: seen.messageId, optedOut: contact.optedOut, contactCreated: false, aiEnabled };
    }
    const receivedAt = new Date(message.timestamp * 1000);
    const conversation = await recordInboundConversation(trx, { tenantId, contactId: contact.id, phoneNumberId: message.phoneNumberId, inboundAt: receivedAt, aiEnabled });
    const messageId = randomUUID();
    await insertMessage(trx, {
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
      created_at: new Date(),
    });
    return { duplicate: false, contactId: contact.id, conversationId: conversation.id, messageId, optedOut: contact.optedOut, contactCreated: contact.created, aiEnabled };
  });
}
