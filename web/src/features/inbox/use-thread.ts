import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TInboxMessage } from '@domain/inbox';
import { listMessages } from '../../api/conversations';
import { describeError } from '../forms/error-messages';
import { useRealtimeEvents } from '../realtime/use-realtime';
import { coalesce } from '../../lib/coalesce';
import { mergeMessages } from './thread-merge';

interface ThreadState {
  messages: TInboxMessage[];
  olderCursor: string | null;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
}

const PAGE = 30;
/** Live events re-read only the newest messages: enough for a burst, cheap for one. */
const NEWEST = 20;

/** One conversation's messages, oldest first; older pages on demand, the newest kept live. Mount per conversation. */
export function useThread(conversationId: string) {
  const [state, setState] = useState<ThreadState>({ messages: [], olderCursor: null, loading: true, loadingOlder: false, error: null });

  useEffect(() => {
    let active = true;
    listMessages(conversationId, undefined, PAGE).then(
      (page) => active && setState({ messages: mergeMessages([], page.data), olderCursor: page.nextCursor, loading: false, loadingOlder: false, error: null }),
      (err: unknown) => active && setState((s) => ({ ...s, loading: false, error: describeError(err) })),
    );
    return () => {
      active = false;
    };
  }, [conversationId]);

  const refreshNewest = useMemo(
    () =>
      coalesce(async (id) => {
        const page = await listMessages(id, undefined, NEWEST);
        setState((s) => ({ ...s, messages: mergeMessages(s.messages, page.data) }));
      }),
    [],
  );

  const loadOlder = useCallback(async () => {
    if (!state.olderCursor || state.loadingOlder) return;
    setState((s) => ({ ...s, loadingOlder: true, error: null }));
    try {
      const page = await listMessages(conversationId, state.olderCursor, PAGE);
      setState((s) => ({ ...s, messages: mergeMessages(s.messages, page.data), olderCursor: page.nextCursor, loadingOlder: false }));
    } catch (err) {
      setState((s) => ({ ...s, loadingOlder: false, error: describeError(err) }));
    }
  }, [conversationId, state.olderCursor, state.loadingOlder]);

  useRealtimeEvents((event) => {
    if (event.event === 'resync') refreshNewest(conversationId);
    else if ((event.event === 'message.new' || event.event === 'message.status') && event.conversationId === conversationId) refreshNewest(conversationId);
  });

  return { ...state, loadOlder, refreshNewest: () => refreshNewest(conversationId) };
}
