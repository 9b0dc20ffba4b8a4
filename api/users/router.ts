import { publishEvent } from '../../infra/realtime/publish-event';
import { ZListQuerySchema, ZPageSchema } from '../../domain/pagination';
import { z } from 'zod';
import { withTenant } from '../../db/tenant-transaction';
import { listAssignableUsers } from '../../db/users/user-lists';
import { ZAssignableMemberSchema, ZIdParamSchema, ZInviteUserResponseSchema, ZInviteUserSchema, ZTeamMemberSchema, ZUpdateUserSchema } from '../../domain/users';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { createMailer } from '../../integrations/notifications/mailer';
import { grantOutboxAccess } from '../sandbox/outbox-access';
import { inviteUser } from './invite-user';
import { listUsers } from './list-users';
import { updateUser } from './update-user';

export function registerUserRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'team';
  const mailer = createMailer(deps.config, deps.db.system, deps.logger);

  routes.add(
    { method: 'get', path: '/users', tag, summary: 'List the workspace team', access: 'admin', query: ZListQuerySchema, response: ZPageSchema(ZTeamMemberSchema) },
    async ({ auth, query }) => listUsers(deps.db, auth.tenantId, query),
  );

  routes.add(
    {
      method: 'get',
      path: '/users/assignable',
      tag,
      summary: 'Active teammates a conversation can be assigned to (every member may read it)',
      access: 'user',
      response: z.object({ data: z.array(ZAssignableMemberSchema) }),
    },
    async ({ auth }) => ({
      data: await withTenant(deps.db.app, auth.tenantId, listAssignableUsers),
    }),
  );

  routes.add(
    {
      method: 'post',
      path: '/users/invite',
      tag,
      summary: 'Invite a teammate: emails the invitation and returns its link once (emailSent says whether the mail left)',
      errors: ['email_taken', 'conflict'],
      access: 'admin',
      body: ZInviteUserSchema,
      response: ZInviteUserResponseSchema,
      status: 201,
    },
    async ({ auth, body, ctx }) => {
      const answer = await inviteUser(deps, mailer, auth, body);
      // Sandbox mode: the inviter's browser may read the invitation mail it caused, as sign-up does with codes.
      await grantOutboxAccess(ctx, deps.config, [answer.user.email]);
      return answer;
    },
  );

  routes.add(
    {
      method: 'patch',
      path: '/users/:id',
      tag,
      summary: "Change a teammate's role or deactivate them",
      errors: ['conflict'],
      access: 'admin',
      params: ZIdParamSchema,
      body: ZUpdateUserSchema,
      response: ZTeamMemberSchema,
    },
    async ({ auth, params, body }) => {
      const member = await updateUser(deps.db, auth, params.id, body);
      // Every API node hears it on the bus and closes that user's open sockets (socket-server.ts).
      if (body.status === 'deactivated') await publishEvent(deps.db.system, { tenantId: auth.tenantId, event: 'user.deactivated', payload: { userId: params.id } }, deps.redis);
      return member;
    },
  );
}
