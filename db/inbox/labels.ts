import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import { isUniqueViolation } from '../errors';
import type { Insertable, Writable } from '../row-types';

/** A `labels` row: the workspace's conversation labels. */
export interface LabelRow {
  id: string;
  tenant_id: string;
  name: string;
  color: string;
  created_at: Date;
}

/** A `conversation_labels` row: a label on a conversation. */
export interface ConversationLabelRow {
  tenant_id: string;
  conversation_id: string;
  label_id: string;
}

declare module 'knex/types/tables' {
  interface Tables {
    labels: Knex.CompositeTableType<LabelRow, Insertable<LabelRow, 'tenant_id' | 'name'>, Writable<LabelRow>>;
    conversation_labels: ConversationLabelRow;
  }
}

export interface Label {
  id: string;
  name: string;
  color: string;
}

const LABEL_NAME_CONSTRAINT = 'labels_tenant_id_name_unique';

const toLabel = (r: Pick<LabelRow, 'id' | 'name' | 'color'>): Label => ({ id: r.id, name: r.name, color: r.color });
const nameTaken = (name: string) => new AppError('conflict', `A label named "${name}" already exists`, { details: [{ path: 'name', message: 'already in use' }] });

export async function listLabels(trx: Knex): Promise<Label[]> {
  return (await trx('labels').orderByRaw('lower(name)').orderBy('name')).map(toLabel);
}

export async function labelExists(trx: Knex, id: string): Promise<boolean> {
  return Boolean(await trx('labels').where({ id }).first('id'));
}

/** Names are unique regardless of case: "VIP" and "vip" side by side would split the same conversations. */
export async function insertLabel(trx: Knex, tenantId: string, input: { name: string; color?: string }): Promise<Label> {
  const existing = await trx('labels').whereRaw('lower(name) = lower(?)', [input.name]).first('name');
  if (existing) throw nameTaken(existing.name);
  try {
    const [row] = await trx('labels')
      .insert({ tenant_id: tenantId, name: input.name, ...(input.color ? { color: input.color.toLowerCase() } : {}) })
      .returning('*');
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

/**
 * Puts a label on a conversation, reading the label under RLS in the same statement: a label deleted
 * since the API's `labelExists` is simply not attached (a plain insert would fail forever), and another
 * workspace's label id can never be attached (a foreign key alone ignores RLS).
 */
export async function attachLabel(trx: Knex, input: { tenantId: string; conversationId: string; labelId: string }): Promise<void> {
  await trx.raw(
    `insert into conversation_labels (tenant_id, conversation_id, label_id)
     select ?, ?, id from labels where id = ? on conflict (conversation_id, label_id) do nothing`,
    [input.tenantId, input.conversationId, input.labelId],
  );
}

export async function detachLabel(trx: Knex, conversationId: string, labelId: string): Promise<void> {
  await trx('conversation_labels').where({ conversation_id: conversationId, label_id: labelId }).delete();
}
