import type { Database } from '../../db/connection';
import { loadAiSettings } from '../../db/ai/settings';
import { withTenant } from '../../db/tenant-transaction';
import { handoffNotice } from '../../domain/handoff-message';

/** The message a customer is sent after the AI handed them to people (null when the workspace set none). */
export async function findHandoffNotice(db: Database, input: { tenantId: string }, now = new Date()): Promise<string | null> {
  const settings = await withTenant(db.app, input.tenantId, (trx) => loadAiSettings(trx));
  return handoffNotice(settings, now);
}
