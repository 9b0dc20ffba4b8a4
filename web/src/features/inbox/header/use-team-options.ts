import { useEffect, useState } from 'react';
import { listUsers } from '../../../api/users';
import { useCurrentSession } from '../../session/use-session';

export interface Teammate {
  id: string;
  name: string;
}

/**
 * Who a conversation can be assigned to. The team list is an admin read (GET /users); an agent who
 * may not read it can still take a conversation or leave it unassigned.
 */
export function useTeamOptions(): Teammate[] {
  const { user } = useCurrentSession();
  const [team, setTeam] = useState<Teammate[]>([{ id: user.id, name: user.name }]);
  useEffect(() => {
    let active = true;
    listUsers().then(
      (page) => active && setTeam(page.data.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name }))),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return team;
}
