import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import { isUniqueViolation } from '../errors';
import type { Insertable, Writable } from '../row-types';

/** A `canned_responses` row: a reply agents insert with `/shortcut`. */
export interface CannedResponseRow {
  id: string;
  tenant_id: string;
  shortcut: string;
  body: string;
  created_at: Date;
  updated_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    canned_responses: Knex.CompositeTableType<CannedResponseRow, Insertable<CannedResponseRow, 'tenant_id' | 'shortcut' | 'body'>, Writable<CannedResponseRow>>;
  }
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  body: string;
  updatedAt: Date;
}

interface CannedResponseInput {
  shortcut: string;
  body: string;
}

const CANNED_SHORTCUT_CONSTRAINT = 'canned_responses_tenant_id_shortcut_unique';

const toCannedResponse = (r: CannedResponseRow): CannedResponse => ({ id: r.id, shortcut: r.shortcut, body: r.body, updatedAt: r.updated_at });

const shortcutTaken = (shortcut: string) =>
  new AppError('conflict', `A canned response with the shortcut /${shortcut} already exists`, { details: [{ path: 'shortcut', message: 'already in use' }] });

/** Alphabetical by shortcut, the order the composer's `/` menu shows them in. */
export async function listCannedResponses(trx: Knex): Promise<CannedResponse[]> {
  return (await trx('canned_responses').orderBy('shortcut')).map(toCannedResponse);
}

export async function insertCannedResponse(trx: Knex, tenantId: string, input: CannedResponseInput): Promise<CannedResponse> {
  try {
    const [row] = await trx('canned_responses').insert({ tenant_id: tenantId, shortcut: input.shortcut, body: input.body }).returning('*');
    return toCannedResponse(row);
  } catch (err) {
    if (isUniqueViolation(err, CANNED_SHORTCUT_CONSTRAINT)) throw shortcutTaken(input.shortcut);
    throw err;
  }
}

export async function updateCannedResponse(trx: Knex, id: string, input: CannedResponseInput): Promise<CannedResponse> {
  try {
    const [row] = await trx('canned_responses').where({ id }).update({ shortcut: input.shortcut, body: input.body, updated_at: trx.fn.now() }).returning('*');
    if (!row) throw new AppError('not_found', 'No canned response with this id');
    return toCannedResponse(row);
  } catch (err) {
    if (isUniqueViolation(err, CANNED_SHORTCUT_CONSTRAINT)) throw shortcutTaken(input.shortcut);
    throw err;
  }
}

export async function deleteCannedResponse(trx: Knex, id: string): Promise<void> {
  const deleted = await trx('canned_responses').where({ id }).delete();
  if (deleted === 0) throw new AppError('not_found', 'No canned response with this id');
}
