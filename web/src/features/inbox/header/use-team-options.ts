import { useEffect, useState } from 'react';
import { listAssignableMembers } from '../../../api/users';
import { useCurrentSession } from '../../session/use-session';

export interface Teammate {
  id: string;
  name: string;
}

/** Who a conversation can be assigned to: the workspace's active teammates (GET /users/assignable). */
export function useTeamOptions(): Teammate[] {
  const { user } = useCurrentSession();
  const [team, setTeam] = useState<Teammate[]>([{ id: user.id, name: user.name }]);
  useEffect(() => {
    let active = true;
    listAssignableMembers().then(
      (page) => active && setTeam(page.data.map((m) => ({ id: m.id, name: m.name }))),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return team;
}
