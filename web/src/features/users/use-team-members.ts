import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TTeamMember } from '@domain/users';
import { listUsers, type TeamPage } from '../../api/users';
import { queryKeys } from '../../lib/query-keys';
import { describeError } from '../forms/error-messages';

const key = queryKeys.teamMembers;

/** Puts a new or changed member into the cached pages: in place if shown, else at the end. */
function withMember(data: InfiniteData<TeamPage, string | undefined>, member: TTeamMember): InfiniteData<TeamPage, string | undefined> {
  const shown = data.pages.some((p) => p.data.some((m) => m.id === member.id));
  const pages = data.pages.map((p, i) => {
    if (shown) return { ...p, data: p.data.map((m) => (m.id === member.id ? member : m)) };
    return i === data.pages.length - 1 ? { ...p, data: [...p.data, member] } : p;
  });
  return { ...data, pages };
}

/** The workspace's members, page by page, with local updates after invite and edits. */
export function useTeamMembers() {
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listUsers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { fetchNextPage, refetch } = query;

  const upsert = useCallback(
    (member: TTeamMember) => {
      client.setQueryData<InfiniteData<TeamPage, string | undefined>>(key, (data) => (data ? withMember(data, member) : data));
      // A new, renamed or deactivated member changes who conversations can be assigned to.
      void client.invalidateQueries({ queryKey: queryKeys.assignableMembers });
    },
    [client],
  );

  const pages = query.data?.pages ?? [];
  return {
    members: pages.flatMap((p) => p.data),
    nextCursor: pages.at(-1)?.nextCursor ?? null,
    loading: query.isPending || query.isFetchingNextPage,
    error: query.error ? describeError(query.error) : null,
    loadMore: () => (query.hasNextPage ? fetchNextPage().then(() => undefined) : Promise.resolve()),
    retry: () => void refetch(),
    upsert,
  };
}
