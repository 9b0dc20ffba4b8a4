import { setContactOptOut } from '../../db/contacts/contacts';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';

/** STOP opts out at once; START opts back in (and records the new opt-in time). */
export async function setOptOut(db: Database, input: { tenantId: string; contactId: string; optedOut: boolean }): Promise<void> {
  await withTenant(db.app, input.tenantId, (trx) => setContactOptOut(trx, input.contactId, input.optedOut));
}
