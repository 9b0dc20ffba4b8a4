import type { Knex } from 'knex';

/** Whether this id is an active member of the workspace (RLS scopes it): who a conversation may be assigned to. */
export async function activeUserExists(trx: Knex, id: string): Promise<boolean> {
  return Boolean(await trx('users').where({ id, status: 'active' }).first('id'));
}
