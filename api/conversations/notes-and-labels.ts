import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { ZConversationLabelSchema, ZConversationSchema, ZNoteCreateSchema, ZNoteSchema, type TNote } from '../../domain/inbox';
import { ZIdParamSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { runConversationCommand } from './run-conversation-command';

const ZConversationLabelParamsSchema = z.object({ id: z.uuid('must be a UUID'), labelId: z.uuid('must be a UUID') });

/** Private notes and labels on a conversation: read from Postgres, written by the conversation's actor. */
export function registerNoteAndLabelRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'inbox';
  const tx = <T>(tenantId: string, work: (trx: Knex.Transaction) => PromiseLike<T>) => withTenant(deps.db.app, tenantId, work);

  routes.add(
    { method: 'get', path: '/conversations/:id/notes', tag, summary: "The conversation's private notes, oldest first (never sent to the customer)", access: 'user', params: ZIdParamSchema, response: z.object({ data: z.array(ZNoteSchema) }) },
    async ({ auth, params }) => {
      const rows = await tx(auth.tenantId, async (trx) => {
        if (!(await trx('conversations').where({ id: params.id }).first('id'))) throw new AppError('not_found', 'No such conversation');
        return noteRows(trx).where('n.conversation_id', params.id).orderBy('n.created_at');
      });
      return { data: rows.map(toNote) };
    },
  );
  routes.add(
    { method: 'post', path: '/conversations/:id/notes', tag, summary: 'Add a private note for the team', access: 'user', params: ZIdParamSchema, body: ZNoteCreateSchema, response: ZNoteSchema, status: 201 },
    async ({ auth, params, body }) => {
      const noteId = randomUUID();
      await runConversationCommand(deps, auth, params.id, { type: 'addNote', noteId, authorId: auth.userId, body: body.body });
      const row = await tx(auth.tenantId, (trx) => noteRows(trx).where('n.id', noteId).first());
      return toNote(row);
    },
  );
  routes.add(
    { method: 'post', path: '/conversations/:id/labels', tag, summary: 'Put a label on the conversation', access: 'user', params: ZIdParamSchema, body: ZConversationLabelSchema, response: ZConversationSchema },
    async ({ auth, params, body }) => {
      const label = await tx(auth.tenantId, (trx) => trx('labels').where({ id: body.labelId }).first('id'));
      if (!label) throw new AppError('not_found', 'No such label');
      return runConversationCommand(deps, auth, params.id, { type: 'addLabel', labelId: body.labelId });
    },
  );
  routes.add(
    { method: 'delete', path: '/conversations/:id/labels/:labelId', tag, summary: 'Take a label off the conversation', access: 'user', params: ZConversationLabelParamsSchema, response: ZConversationSchema },
    async ({ auth, params }) => runConversationCommand(deps, auth, params.id, { type: 'removeLabel', labelId: params.labelId }),
  );
}

function noteRows(trx: Knex) {
  return trx('conversation_notes as n').leftJoin('users as u', 'u.id', 'n.author_id').select('n.id', 'n.conversation_id', 'n.author_id', 'n.body', 'n.created_at', 'u.name as author_name');
}

function toNote(row: Record<string, any>): TNote {
  return { id: row.id, conversationId: row.conversation_id, authorId: row.author_id, authorName: row.author_name ?? null, body: row.body, createdAt: row.created_at.toISOString() };
}
