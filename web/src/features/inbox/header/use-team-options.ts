import { useQuery } from '@tanstack/react-query';
import { listAssignableMembers } from '../../../api/users';
import { queryKeys } from '../../../lib/query-keys';
import { useCurrentSession } from '../../session/use-session';

export interface Teammate {
  id: string;
  name: string;
}

const teammates = (page: Awaited<ReturnType<typeof listAssignableMembers>>): Teammate[] => page.data.map((m) => ({ id: m.id, name: m.name }));

/** Who a conversation can be assigned to: the workspace's active teammates (GET /users/assignable). */
export function useTeamOptions(): Teammate[] {
  const { user } = useCurrentSession();
  const { data } = useQuery({ queryKey: queryKeys.assignableMembers, queryFn: listAssignableMembers, select: teammates });
  // Until the list arrives (or if it cannot be read) the user can still assign to themselves.
  return data ?? [{ id: user.id, name: user.name }];
}
