import { useCallback, useEffect, useRef, useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { listConversations } from '../../api/conversations';
import { describeError } from '../forms/error-messages';
import { byActivity, matchesFilters, toQuery, type InboxFilters } from './inbox-filters';

interface ListState {
  items: TConversation[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

const initial: ListState = { items: [], nextCursor: null, loading: true, loadingMore: false, error: null };

/** The filtered conversation list, page by page, kept current by `upsert` as live events are re-read. */
export function useConversationList(filters: InboxFilters, userId: string) {
  const [state, setState] = useState<ListState>(initial);
  const filtersRef = useRef(filters);
  // A newer load (filters changed) makes answers to older ones stale.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    filtersRef.current = filters;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await listConversations(toQuery(filters));
      if (gen === generation.current) setState({ items: page.data, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null });
    } catch (err) {
      if (gen === generation.current) setState((s) => ({ ...s, loading: false, error: describeError(err) }));
    }
  }, [filters]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const gen = generation.current;
    setState((s) => ({ ...s, loadingMore: true, error: null }));
    try {
      const page = await listConversations(toQuery(filtersRef.current), cursor);
      if (gen !== generation.current) return;
      setState((s) => {
        const known = new Set(s.items.map((c) => c.id));
        return { ...s, items: [...s.items, ...page.data.filter((c) => !known.has(c.id))], nextCursor: page.nextCursor, loadingMore: false };
      });
    } catch (err) {
      if (gen === generation.current) setState((s) => ({ ...s, loadingMore: false, error: describeError(err) }));
    }
  }, [state.nextCursor, state.loadingMore]);

  /** Puts a freshly read conversation in its place, or drops it when it no longer matches the filters. */
  const upsert = useCallback(
    (conversation: TConversation) => {
      setState((s) => {
        const listed = s.items.some((c) => c.id === conversation.id);
        const rest = listed ? s.items.filter((c) => c.id !== conversation.id) : s.items;
        if (!matchesFilters(conversation, filtersRef.current, userId)) return listed ? { ...s, items: rest } : s;
        const last = rest[rest.length - 1];
        // Older than everything loaded while more pages exist: "Load more" will bring it in its place.
        if (!listed && s.nextCursor && last && byActivity(conversation, last) > 0) return s;
        return { ...s, items: [...rest, conversation].sort(byActivity) };
      });
    },
    [userId],
  );

  const remove = useCallback((id: string) => setState((s) => ({ ...s, items: s.items.filter((c) => c.id !== id) })), []);

  return { ...state, reload, loadMore, upsert, remove };
}
