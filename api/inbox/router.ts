import { countConversations, findConversationListing } from '../../db/inbox/conversations';
import { withTenant } from '../../db/tenant-transaction';
import { AppError } from '../../domain/errors';
import { ZAssignSchema, ZConversationCountsSchema, ZConversationListQuerySchema, ZConversationSchema, ZInboxMessageSchema, type ConversationCommand } from '../../domain/inbox';
import { ZListQuerySchema, ZPageSchema } from '../../domain/pagination';
import { ZIdParamSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { toConversationView } from './conversation-view';
import { listConversations } from './list-conversations';
import { listMessages } from './list-messages';
import { registerNoteAndLabelRoutes } from './notes-and-labels';
import { runConversationCommand } from './run-conversation-command';

export function registerConversationRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'inbox';
  routes.add(
    {
      method: 'get',
      path: '/conversations',
      tag,
      summary: 'The inbox: conversations, newest activity first (filters: status, mode, mine, unassigned, needsHuman, label, q)',
      access: 'user',
      query: ZConversationListQuerySchema,
      response: ZPageSchema(ZConversationSchema),
    },
    async ({ auth, query }) => listConversations(deps.db, deps.config, auth, query),
  );
  routes.add(
    {
      method: 'get',
      path: '/conversations/counts',
      tag,
      summary: "How many conversations each status tab holds, and how many wait for a human (pending, unassigned or the caller's)",
      access: 'user',
      response: ZConversationCountsSchema,
    },
    async ({ auth }) => withTenant(deps.db.app, auth.tenantId, (trx) => countConversations(trx, auth.userId)),
  );
  routes.add(
    { method: 'get', path: '/conversations/:id', tag, summary: 'One conversation', access: 'user', params: ZIdParamSchema, response: ZConversationSchema },
    async ({ auth, params }) => {
      const found = await withTenant(deps.db.app, auth.tenantId, (trx) => findConversationListing(trx, params.id));
      if (!found) throw new AppError('not_found', 'No such conversation');
      return toConversationView(deps.config, found);
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/conversations/:id/messages',
      tag,
      summary: "A conversation's messages, newest first",
      access: 'user',
      params: ZIdParamSchema,
      query: ZListQuerySchema,
      response: ZPageSchema(ZInboxMessageSchema),
    },
    async ({ auth, params, query }) => listMessages(deps.db, auth.tenantId, params.id, query),
  );

  const commands: Record<string, (userId: string) => ConversationCommand> = {
    takeover: (userId) => ({ type: 'takeover', userId }),
    release: () => ({ type: 'release' }),
    resolve: () => ({ type: 'resolve' }),
    reopen: () => ({ type: 'reopen' }),
    read: () => ({ type: 'markRead' }),
  };
  for (const [name, command] of Object.entries(commands)) {
    routes.add(
      {
        method: 'post',
        path: `/conversations/:id/${name}`,
        tag,
        summary: `${name[0].toUpperCase()}${name.slice(1)} the conversation`,
        access: 'user',
        params: ZIdParamSchema,
        response: ZConversationSchema,
      },
      async ({ auth, params }) => runConversationCommand(deps, auth, params.id, command(auth.userId)),
    );
  }
  routes.add(
    {
      method: 'post',
      path: '/conversations/:id/assign',
      tag,
      summary: 'Assign the conversation to a teammate (or null to unassign)',
      access: 'user',
      params: ZIdParamSchema,
      body: ZAssignSchema,
      response: ZConversationSchema,
    },
    async ({ auth, params, body }) => runConversationCommand(deps, auth, params.id, { type: 'assign', userId: body.userId }),
  );
  registerNoteAndLabelRoutes(routes, deps);
}
