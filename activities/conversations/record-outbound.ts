import type { AppConfig } from '../../config';
import type { TOutboundSender } from '../../domain/inbox';
import type { Database } from '../../db/connection';
import { loadAiSettings } from '../../db/ai/settings';
import { recordUsage } from '../../db/billing/usage';
import { upsertContact } from '../../db/contacts/contacts';
import { incrementAiReplyCount, upsertConversation } from '../../db/inbox/conversations';
import { insertPendingSend } from '../../db/dispatch/send-ledger';
import { findMessagePlace, insertMessage } from '../../db/inbox/messages';
import { withTenant } from '../../db/tenant-transaction';
import type { TMessageContent } from '../../domain/messages';

/**
 * Writes an outbound message as `queued` and its ledger row as `pending` before anything is sent, so a
 * send is visible at once and never lost. Idempotent on the message id (an activity retry is harmless).
 * An AI reply also counts toward the conversation's cap and the plan's AI replies, in the same transaction.
 */
export async function recordOutbound(
  db: Database,
  keys: Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>,
  input: { tenantId: string; messageId: string; phoneNumberId: string; phone: string; content: TMessageContent; sender: TOutboundSender; senderUserId: string | null },
): Promise<{ contactId: string; conversationId: string; messageCreatedAt: string }> {
  return withTenant(db.app, input.tenantId, async (trx) => {
    const existing = await findMessagePlace(trx, input.messageId);
    if (existing) return { contactId: existing.contactId, conversationId: existing.conversationId, messageCreatedAt: existing.createdAt.toISOString() };
    const contact = await upsertContact(trx, keys, { tenantId: input.tenantId, phone: input.phone, profileName: null, source: 'api' });
    const { enabled: aiEnabled } = await loadAiSettings(trx);
    const conversation = await upsertConversation(trx, { tenantId: input.tenantId, contactId: contact.id, phoneNumberId: input.phoneNumberId, aiEnabled });
    const createdAt = new Date();
    await insertMessage(trx, {
      id: input.messageId,
      tenant_id: input.tenantId,
      conversation_id: conversation.id,
      contact_id: contact.id,
      direction: 'outbound',
      type: input.content.type,
      content: input.content as unknown as Record<string, unknown>,
      status: 'queued',
      sender: input.sender,
      sender_user_id: input.senderUserId,
      created_at: createdAt,
    });
    await insertPendingSend(trx, { tenantId: input.tenantId, messageId: input.messageId, phoneNumberId: input.phoneNumberId });
    if (input.sender === 'ai') {
      await incrementAiReplyCount(trx, conversation.id);
      await recordUsage(trx, { tenantId: input.tenantId, kind: 'ai_reply', idempotencyKey: `ai_reply:${input.messageId}`, metadata: { conversationId: conversation.id } });
    }
    return { contactId: contact.id, conversationId: conversation.id, messageCreatedAt: createdAt.toISOString() };
  });
}
