import { useCallback, useEffect, useState } from 'react';
import type { TTeamMember } from '@domain/users';
import { listUsers } from '../../api/users';
import { describeError } from '../forms/error-messages';

interface TeamState {
  members: TTeamMember[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** The workspace's members, page by page, with local updates after invite and edits. */
export function useTeamMembers() {
  const [state, setState] = useState<TeamState>({ members: [], nextCursor: null, loading: true, error: null });

  const load = useCallback(async (cursor?: string) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await listUsers(cursor);
      setState((s) => ({
        members: cursor ? [...s.members, ...page.data] : page.data,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: describeError(err) }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const upsert = useCallback((member: TTeamMember) => {
    setState((s) => {
      const exists = s.members.some((m) => m.id === member.id);
      return { ...s, members: exists ? s.members.map((m) => (m.id === member.id ? member : m)) : [...s.members, member] };
    });
  }, []);

  return {
    ...state,
    loadMore: () => (state.nextCursor ? load(state.nextCursor) : Promise.resolve()),
    retry: () => load(),
    upsert,
  };
}
