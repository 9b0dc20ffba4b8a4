import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AppConfig } from '../../config';
import { legacyPhoneBlindIndex, phoneColumns } from '../../db/contacts/phone-identity';

type Keys = Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;

/** Finds or creates the contact for a phone (first inbound message = an automatic lead). */
export async function upsertContact(
  trx: Knex,
  keys: Keys,
  input: { tenantId: string; phone: string; profileName: string | null; source: 'inbound' | 'api' },
): Promise<{ id: string; optedOut: boolean; created: boolean }> {
  const columns = phoneColumns(keys, input.tenantId, input.phone);
  // A contact stored before per-tenant blind indexes moves to its current index here, so the
  // insert below finds it instead of creating a second contact for the same phone.
  await trx('contacts')
    .where({ tenant_id: input.tenantId, phone_blind_index: legacyPhoneBlindIndex(keys, input.phone) })
    .update({ phone_blind_index: columns.phone_blind_index });
  const id = randomUUID();
  const [row] = await trx('contacts')
    .insert({ id, tenant_id: input.tenantId, ...columns, profile_name: input.profileName, name: input.profileName, source: input.source })
    .onConflict(['tenant_id', 'phone_blind_index'])
    .merge(input.profileName ? { profile_name: input.profileName, updated_at: trx.fn.now() } : { updated_at: trx.fn.now() })
    .returning(['id', 'opted_out']);
  return { id: row.id, optedOut: row.opted_out, created: row.id === id };
}

/** The conversation of a contact on one of the tenant's numbers. */
export async function upsertConversation(
  trx: Knex,
  input: { tenantId: string; contactId: string; phoneNumberId: string; inboundAt?: Date },
): Promise<{ id: string; lastInboundAt: Date | null }> {
  const now = new Date();
  const inbound = input.inboundAt
    ? {
        last_inbound_at: input.inboundAt,
        unread_count: trx.raw('conversations.unread_count + 1'),
        // A resolved conversation that hears from the customer again starts afresh, with the AI (ConversationState.reopenOnInbound).
        status: trx.raw("case when conversations.status = 'resolved' then 'open' else conversations.status end"),
        mode: trx.raw("case when conversations.status = 'resolved' then 'ai' else conversations.mode end"),
        ai_reply_count: trx.raw("case when conversations.status = 'resolved' then 0 else conversations.ai_reply_count end"),
        handoff_reason: trx.raw("case when conversations.status = 'resolved' then null else conversations.handoff_reason end"),
      }
    : {};
  const [row] = await trx('conversations')
    .insert({ tenant_id: input.tenantId, contact_id: input.contactId, phone_number_id: input.phoneNumberId, last_message_at: now, ...(input.inboundAt ? { last_inbound_at: input.inboundAt, unread_count: 1 } : {}) })
    .onConflict(['tenant_id', 'contact_id', 'phone_number_id'])
    .merge({ last_message_at: now, updated_at: now, ...inbound })
    .returning(['id', 'last_inbound_at']);
  return { id: row.id, lastInboundAt: row.last_inbound_at };
}
