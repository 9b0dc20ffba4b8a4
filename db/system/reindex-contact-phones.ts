import type { Knex } from 'knex';
import type { AppConfig } from '../../config';
import { legacyPhoneBlindIndex, phoneBlindIndex } from '../contacts/phone-identity';
import { openContactPhone } from '../crypto/sealed-columns';

type Keys = Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;

export interface ReindexCounts {
  reindexed: number;
  /** Phones no configured key opens: left on their old index and reported. */
  failedIds: string[];
}

/**
 * Moves contacts still on the pre-tenant-key blind index (one HMAC key for all tenants) to their
 * tenant's own index. Only the decrypted phone tells which index a row is on, so every contact is
 * read, in batches along the primary key; a row is updated only if it still holds the index that
 * was read. Safe to re-run; crosses tenants by nature, so it runs on the owner connection.
 */
export async function reindexContactPhones(system: Knex, keys: Keys, options: { batchSize?: number; tenantIds?: string[] } = {}): Promise<ReindexCounts> {
  const counts: ReindexCounts = { reindexed: 0, failedIds: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string; tenant_id: string; phone_ciphertext: string; phone_key_id: string; phone_blind_index: string }[] = await system('contacts')
      .where('id', '>', after)
      .modify((q) => (options.tenantIds ? q.whereIn('tenant_id', options.tenantIds) : q))
      .orderBy('id')
      .limit(options.batchSize ?? 500)
      .select('id', 'tenant_id', 'phone_ciphertext', 'phone_key_id', 'phone_blind_index');
    if (!rows.length) return counts;
    for (const row of rows) {
      let phone: string;
      try {
        phone = openContactPhone(keys.encryptionKeys, row.tenant_id, { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id });
      } catch {
        counts.failedIds.push(row.id);
        continue;
      }
      if (row.phone_blind_index !== legacyPhoneBlindIndex(keys, phone)) continue;
      counts.reindexed += await system('contacts')
        .where({ id: row.id, phone_blind_index: row.phone_blind_index })
        .update({ phone_blind_index: phoneBlindIndex(keys, row.tenant_id, phone) });
    }
    after = rows[rows.length - 1].id;
  }
}
