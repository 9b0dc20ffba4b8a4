import type { Knex } from 'knex';
import { newConversationSeed, type ConversationSeed } from '../../domain/conversation';
import type { ContactRow } from '../contacts/contacts';
import type { ConversationRow } from './conversations';

interface SeedRow extends Pick<ContactRow, 'opted_out'>, Partial<Pick<ConversationRow, 'last_inbound_at' | 'status' | 'mode' | 'ai_reply_count'>> {
  contact_id: string;
  conversation_id: string | null;
}

/** A contacts ⟕ conversations row as the actor's seed (no row: a contact never seen). */
function toSeed(row: SeedRow | undefined): ConversationSeed {
  if (!row) return { ...newConversationSeed };
  return {
    ...newConversationSeed,
    lastInboundAt: row.last_inbound_at ? row.last_inbound_at.getTime() : null,
    optedOut: row.opted_out,
    contactId: row.contact_id,
    conversationId: row.conversation_id ?? null,
    ...(row.conversation_id ? { status: row.status, mode: row.mode, aiReplyCount: row.ai_reply_count } : {}),
  };
}

/**
 * What a (re)started conversation actor must know from Postgres: the window, the opt-out, who answers.
 * The one read of it, in one statement. Every table is filtered by the tenant explicitly, so it is
 * right both inside `withTenant` (RLS agrees) and on the owner connection (`db/system/conversation-seed.ts`).
 */
export async function readConversationSeed(conn: Knex, tenantId: string, phoneNumberId: string, phoneBlindIndexes: string[]): Promise<ConversationSeed> {
  const row: SeedRow | undefined = await conn('contacts as k')
    .leftJoin('conversations as c', (on) => on.on('c.contact_id', 'k.id').andOn('c.tenant_id', 'k.tenant_id').andOnVal('c.phone_number_id', phoneNumberId))
    .where('k.tenant_id', tenantId)
    .whereIn('k.phone_blind_index', phoneBlindIndexes)
    .first('k.id as contact_id', 'k.opted_out', 'c.id as conversation_id', 'c.last_inbound_at', 'c.status', 'c.mode', 'c.ai_reply_count');
  return toSeed(row);
}
