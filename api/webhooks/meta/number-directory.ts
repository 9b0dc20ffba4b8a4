import type { Knex } from 'knex';
import { findAccountByPhoneNumberId } from '../../../db/system/whatsapp-accounts';

interface Entry {
  tenantId: string | null;
  expires: number;
}

/** Which tenant owns a phone number id, cached: every webhook needs it, and it almost never changes. */
export class NumberDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly system: Knex,
    private readonly ttlMs = 60_000,
    private readonly missTtlMs = 5_000,
  ) {}

  async tenantOf(phoneNumberId: string): Promise<string | null> {
    const hit = this.cache.get(phoneNumberId);
    if (hit && hit.expires > Date.now()) return hit.tenantId;
    const account = await findAccountByPhoneNumberId(this.system, phoneNumberId);
    const tenantId = account?.tenantId ?? null;
    this.cache.set(phoneNumberId, { tenantId, expires: Date.now() + (tenantId ? this.ttlMs : this.missTtlMs) });
    return tenantId;
  }
}
