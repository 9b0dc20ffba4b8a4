import type { Knex } from 'knex';
import type { ConversationSeed } from '../../domain/conversation';
import { readConversationSeed } from '../inbox/seed';

/**
 * The conversation seed for an inbound webhook, in one statement on the owner connection: every
 * webhook message needs it, and the tenant-scoped form is a four-statement transaction (BEGIN,
 * set_config, SELECT, COMMIT) that was the API's largest cost per webhook (docs/BENCHMARKS.md). The
 * tenant is the one that owns the receiving number; the query (one home: `db/inbox/seed.ts`)
 * filters every table by it explicitly.
 */
export async function inboundConversationSeed(system: Knex, tenantId: string, phoneNumberId: string, phoneBlindIndexes: string[]): Promise<ConversationSeed> {
  return readConversationSeed(system, tenantId, phoneNumberId, phoneBlindIndexes);
}
