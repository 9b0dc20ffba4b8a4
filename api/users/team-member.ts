import type { TTeamMember } from '../../domain/users';
import type { User } from '../../db/users/users';

export function toTeamMember(user: User): TTeamMember {
  return { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status, createdAt: user.createdAt.toISOString() };
}
