import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../domain/errors';
import type { TLabel } from '../../domain/inbox';

const LABEL_NAME_CONSTRAINT = 'labels_tenant_id_name_unique';

const toLabel = (r: { id: string; name: string; color: string }): TLabel => ({ id: r.id, name: r.name, color: r.color });
const nameTaken = (name: string) => new AppError('conflict', `A label named "${name}" already exists`, { details: [{ path: 'name', message: 'already in use' }] });

export async function listLabels(trx: Knex): Promise<TLabel[]> {
  return (await trx('labels').orderByRaw('lower(name)').orderBy('name')).map(toLabel);
}

/** Names are unique regardless of case: "VIP" and "vip" side by side would split the same conversations. */
export async function createLabel(trx: Knex, tenantId: string, input: { name: string; color?: string }): Promise<TLabel> {
  const existing = await trx('labels').whereRaw('lower(name) = lower(?)', [input.name]).first('name');
  if (existing) throw nameTaken(existing.name);
  try {
    const [row] = await trx('labels').insert({ tenant_id: tenantId, name: input.name, ...(input.color ? { color: input.color.toLowerCase() } : {}) }).returning('*');
    return toLabel(row);
  } catch (err) {
    if (isUniqueViolation(err, LABEL_NAME_CONSTRAINT)) throw nameTaken(input.name);
    throw err;
  }
}

/** Removing a label takes it off every conversation that had it (conversation_labels cascades). */
export async function deleteLabel(trx: Knex, id: string): Promise<void> {
  const deleted = await trx('labels').where({ id }).delete();
  if (deleted === 0) throw new AppError('not_found', 'No label with this id');
}
