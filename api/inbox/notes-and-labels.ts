import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { conversationExists } from '../../db/inbox/conversations';
import { labelExists } from '../../db/inbox/labels';
import { findNote, listNotes } from '../../db/inbox/notes';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { ZConversationLabelSchema, ZConversationSchema, ZNoteCreateSchema, ZNoteSchema } from '../../domain/inbox';
import { ZIdParamSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { toNoteView } from './conversation-view';
import { runConversationCommand } from './run-conversation-command';

const ZConversationLabelParamsSchema = z.object({ id: z.uuid('must be a UUID'), labelId: z.uuid('must be a UUID') });

/** Private notes and labels on a conversation: read from Postgres, written by the conversation's actor. */
export function registerNoteAndLabelRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'inbox';
  const tx = <T>(tenantId: string, work: (trx: Knex.Transaction) => PromiseLike<T>) => withTenant(deps.db.app, tenantId, work);

  routes.add(
    {
      method: 'get',
      path: '/conversations/:id/notes',
      tag,
      summary: "The conversation's private notes, oldest first (never sent to the customer)",
      access: 'user',
      params: ZIdParamSchema,
      response: z.object({ data: z.array(ZNoteSchema) }),
    },
    async ({ auth, params }) => {
      const notes = await tx(auth.tenantId, async (trx) => {
        if (!(await conversationExists(trx, params.id))) throw new AppError('not_found', 'No such conversation');
        return listNotes(trx, params.id);
      });
      return { data: notes.map(toNoteView) };
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/conversations/:id/notes',
      tag,
      summary: 'Add a private note for the team',
      access: 'user',
      params: ZIdParamSchema,
      body: ZNoteCreateSchema,
      response: ZNoteSchema,
      status: 201,
    },
    async ({ auth, params, body }) => {
      const noteId = randomUUID();
      await runConversationCommand(deps, auth, params.id, { type: 'addNote', noteId, authorId: auth.userId, body: body.body });
      const note = await tx(auth.tenantId, (trx) => findNote(trx, noteId));
      if (!note) throw new AppError('not_found', 'No such conversation');
      return toNoteView(note);
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/conversations/:id/labels',
      tag,
      summary: 'Put a label on the conversation',
      access: 'user',
      params: ZIdParamSchema,
      body: ZConversationLabelSchema,
      response: ZConversationSchema,
    },
    async ({ auth, params, body }) => {
      if (!(await tx(auth.tenantId, (trx) => labelExists(trx, body.labelId)))) throw new AppError('not_found', 'No such label');
      return runConversationCommand(deps, auth, params.id, { type: 'addLabel', labelId: body.labelId });
    },
  );
  routes.add(
    {
      method: 'delete',
      path: '/conversations/:id/labels/:labelId',
      tag,
      summary: 'Take a label off the conversation',
      access: 'user',
      params: ZConversationLabelParamsSchema,
      response: ZConversationSchema,
    },
    async ({ auth, params }) => runConversationCommand(deps, auth, params.id, { type: 'removeLabel', labelId: params.labelId }),
  );
}
