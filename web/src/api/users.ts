import { ZPageSchema } from '@domain/pagination';
import { z } from 'zod';
import { ZAssignableMemberSchema, ZInviteUserResponseSchema, ZTeamMemberSchema, type TInviteUser, type TTeamMember, type TUpdateUser } from '@domain/users';
import { apiClient } from './client';

const ZTeamPageSchema = ZPageSchema(ZTeamMemberSchema);

export interface TeamPage {
  data: TTeamMember[];
  nextCursor: string | null;
}

export function listUsers(cursor?: string): Promise<TeamPage> {
  return apiClient.get('/users', ZTeamPageSchema, { limit: 100, cursor });
}

export function listAssignableMembers() {
  return apiClient.get('/users/assignable', z.object({ data: z.array(ZAssignableMemberSchema) }));
}

export function inviteUser(body: TInviteUser) {
  return apiClient.post('/users/invite', body, ZInviteUserResponseSchema);
}

export function updateUser(id: string, body: TUpdateUser): Promise<TTeamMember> {
  return apiClient.patch(`/users/${encodeURIComponent(id)}`, body, ZTeamMemberSchema);
}
