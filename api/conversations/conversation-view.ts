import type { Knex } from 'knex';
import type { AppConfig } from '../../config';
import { openContactPhone } from '../../db/crypto/sealed-columns';
import type { TConversation } from '../../domain/inbox';

type Keys = Pick<AppConfig, 'encryptionKeys'>;

/** Conversations joined with their contact, for the inbox (the phone is decrypted for the agent). */
export function conversationRows(trx: Knex) {
  return trx('conversations as c')
    .join('contacts as k', 'k.id', 'c.contact_id')
    .select(
      'c.id',
      'c.tenant_id',
      'c.phone_number_id',
      'c.status',
      'c.mode',
      'c.assigned_to',
      'c.unread_count',
      'c.last_message_at',
      'c.last_inbound_at',
      'c.ai_reply_count',
      'c.handoff_reason',
      trx.raw(
        `coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) order by l.name)
           from conversation_labels cl join labels l on l.id = cl.label_id where cl.conversation_id = c.id), '[]') as labels`,
      ),
      trx.raw('c.last_message_at::text as cursor_at'),
      'k.id as contact_id',
      'k.name as contact_name',
      'k.profile_name as contact_profile_name',
      'k.phone_ciphertext',
      'k.phone_key_id',
    );
}

export function toConversation(keys: Keys, row: Record<string, any>): TConversation {
  return {
    id: row.id,
    contact: {
      id: row.contact_id,
      name: row.contact_name ?? row.contact_profile_name ?? null,
      phone: openContactPhone(keys.encryptionKeys, row.tenant_id, { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id }),
    },
    phoneNumberId: row.phone_number_id,
    status: row.status,
    mode: row.mode,
    assignedTo: row.assigned_to,
    lastMessageAt: row.last_message_at?.toISOString() ?? null,
    lastInboundAt: row.last_inbound_at?.toISOString() ?? null,
    unread: row.unread_count,
    aiReplyCount: row.ai_reply_count,
    handoffReason: row.handoff_reason,
    labels: row.labels,
  };
}
