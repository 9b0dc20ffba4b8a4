import type { Knex } from 'knex';
import { newConversationSeed, type ConversationSeed } from '../../domain/conversation';

/**
 * The conversation seed for an inbound webhook, in one statement on the owner connection: every
 * webhook message needs it, and the tenant-scoped form is a four-statement transaction (BEGIN,
 * set_config, SELECT, COMMIT) that was the API's largest cost per webhook (docs/BENCHMARKS.md). The
 * tenant is the one that owns the receiving number, and every table is filtered by it explicitly.
 */
export async function inboundConversationSeed(system: Knex, tenantId: string, phoneNumberId: string, phoneBlindIndexes: string[]): Promise<ConversationSeed> {
  const row = await system('contacts as k')
    .leftJoin('conversations as c', (on) => on.on('c.contact_id', 'k.id').andOn('c.tenant_id', 'k.tenant_id').andOnVal('c.phone_number_id', phoneNumberId))
    .where('k.tenant_id', tenantId)
    .whereIn('k.phone_blind_index', phoneBlindIndexes)
    .first('k.id as contact_id', 'k.opted_out', 'c.id as conversation_id', 'c.last_inbound_at', 'c.status', 'c.mode', 'c.ai_reply_count');
  return seedOf(row);
}

/** A contacts ⟕ conversations row as the actor's seed (no row: a contact never seen). */
export function seedOf(row: Record<string, any> | undefined): ConversationSeed {
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
