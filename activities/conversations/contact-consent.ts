import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';

/** STOP opts out at once; START opts back in (and records the new opt-in time). */
export async function setOptOut(db: Database, input: { tenantId: string; contactId: string; optedOut: boolean }): Promise<void> {
  const now = new Date();
  await withTenant(db.app, input.tenantId, (trx) =>
    trx('contacts')
      .where({ id: input.contactId })
      .update(input.optedOut ? { opted_out: true, opted_out_at: now, updated_at: now } : { opted_out: false, opt_in_at: now, updated_at: now }),
  );
}
