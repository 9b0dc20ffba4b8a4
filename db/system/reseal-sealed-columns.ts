import type { Knex } from 'knex';
import type { EncryptionKey } from '../../config';
import { CURRENT_ENVELOPE_PATTERN, open, seal } from '../crypto/field-encryption';
import { sealedColumns, type SealedColumn } from '../crypto/sealed-columns';

export interface ResealCounts {
  table: string;
  resealed: number;
  /** Values no configured key opens (unknown key id, or tampered): left untouched and reported. */
  failed: number;
  failedIds: string[];
}

export interface ResealOptions {
  batchSize?: number;
  columns?: readonly SealedColumn[];
  /** Only these workspaces (e.g. to rotate one first); default every row. */
  tenantIds?: string[];
  onBatch?(table: string, counts: ResealCounts): void;
}

/**
 * Key rotation: re-seals, with the first configured key, every value sealed with another one or in
 * the v1 envelope (whose associated data named only the tenant, not the column). It
 * crosses tenants by nature, so it runs on the owner connection. Batches walk the primary key
 * upwards and each row is updated only if it still holds the value that was read, so a concurrent
 * write wins and a second run finds nothing to do.
 */
export async function resealAll(system: Knex, keys: EncryptionKey[], options: ResealOptions = {}): Promise<ResealCounts[]> {
  const results: ResealCounts[] = [];
  for (const column of options.columns ?? sealedColumns) results.push(await resealColumn(system, keys, column, options));
  return results;
}

async function resealColumn(system: Knex, keys: EncryptionKey[], column: SealedColumn, options: ResealOptions): Promise<ResealCounts> {
  const counts: ResealCounts = { table: column.table, resealed: 0, failed: 0, failedIds: [] };
  const current = keys[0].id;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { id: string; tenant_id: string; ciphertext: string; key_id: string }[] = await system(column.table)
      .where((q) => q.whereNot(column.keyIdColumn, current).orWhereNot(column.ciphertextColumn, 'like', CURRENT_ENVELOPE_PATTERN))
      .where('id', '>', after)
      .modify((q) => (options.tenantIds ? q.whereIn('tenant_id', options.tenantIds) : q))
      .orderBy('id')
      .limit(options.batchSize ?? 500)
      .select('id', 'tenant_id', `${column.ciphertextColumn} as ciphertext`, `${column.keyIdColumn} as key_id`);
    if (!rows.length) return counts;
    await system.transaction(async (trx) => {
      for (const row of rows) {
        const aad = column.associatedData(row);
        let resealed;
        try {
          resealed = seal(keys, open(keys, { ciphertext: row.ciphertext, keyId: row.key_id }, aad, column.legacyAssociatedData(row)), aad);
        } catch {
          counts.failed++;
          counts.failedIds.push(row.id);
          continue;
        }
        const changed = await trx(column.table)
          .where({ id: row.id, [column.ciphertextColumn]: row.ciphertext, [column.keyIdColumn]: row.key_id })
          .update({ [column.ciphertextColumn]: resealed.ciphertext, [column.keyIdColumn]: resealed.keyId });
        counts.resealed += changed;
      }
    });
    after = rows[rows.length - 1].id;
    options.onBatch?.(column.table, counts);
  }
}
