import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { TMessageContent } from '../../domain/messages';
import { recordUsage } from '../../db/billing/usage';
import { upsertContact, upsertConversation } from './upsert-contact';

/**
 * Writes an outbound message as `queued` and its ledger row as `pending` before anything is sent, so a
 * send is visible at once and never lost. Idempotent on the message id (an activity retry is harmless).
 * An AI reply also counts toward the conversation's cap and the plan's AI replies, in the same transaction.
 */
export async function recordOutbound(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>,
  input: { tenantId: string; messageId: string; phoneNumberId: string; phone: string; content: TMessageContent; sender: string; senderUserId: string | null },
): Promise<{ contactId: string; conversationId: string; messageCreatedAt: string }> {
  return withTenant(db.app, input.tenantId, async (trx) => {
    const existing = await trx('messages').where({ id: input.messageId }).first('contact_id', 'conversation_id', 'created_at');
    if (existing) return { contactId: existing.contact_id, conversationId: existing.conversation_id, messageCreatedAt: existing.created_at.toISOString() };
    const contact = await upsertContact(trx, keys, { tenantId: input.tenantId, phone: input.phone, profileName: null, source: 'api' });
    const conversation = await upsertConversation(trx, { tenantId: input.tenantId, contactId: contact.id, phoneNumberId: input.phoneNumberId });
    const createdAt = new Date();
    await trx('messages').insert({
      id: input.messageId,
      tenant_id: input.tenantId,
      conversation_id: conversation.id,
      contact_id: contact.id,
      direction: 'outbound',
      type: input.content.type,
      content: input.content,
      status: 'queued',
      sender: input.sender,
      sender_user_id: input.senderUserId,
      created_at: createdAt,
    });
    await trx('message_sends').insert({ message_id: input.messageId, tenant_id: input.tenantId, phone_number_id: input.phoneNumberId, state: 'pending' });
    if (input.sender === 'ai') {
      await trx('conversations').where({ id: conversation.id }).increment('ai_reply_count', 1);
      await recordUsage(trx, { tenantId: input.tenantId, kind: 'ai_reply', idempotencyKey: `ai_reply:${input.messageId}`, metadata: { conversationId: conversation.id } });
    }
    return { contactId: contact.id, conversationId: conversation.id, messageCreatedAt: createdAt.toISOString() };
  });
}
