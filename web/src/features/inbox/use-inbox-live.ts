import { useEffect, useMemo, useRef } from 'react';
import type { TConversation } from '@domain/inbox';
import { fetchConversation } from '../../api/conversations';
import { isApiError } from '../../api/api-error';
import { useRealtimeEvents } from '../realtime/use-realtime';
import { coalesce } from '../../lib/coalesce';

interface LiveHandlers {
  /** A conversation changed (new message, status, assignment…): its fresh row. */
  onConversation(conversation: TConversation): void;
  /** It can no longer be read (deleted, or not this workspace's). */
  onGone(id: string): void;
  /** Events may have been missed: reload everything shown. */
  onResync(): void;
}

/**
 * Keeps the inbox current from the workspace's realtime events: each event names a conversation, and
 * only that row is read again (one read per burst, see coalesce).
 */
export function useInboxLive(handlers: LiveHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const refresh = useMemo(
    () =>
      coalesce(async (id) => {
        try {
          latest.current.onConversation(await fetchConversation(id));
        } catch (err) {
          if (isApiError(err) && err.status === 404) latest.current.onGone(id);
          else throw err;
        }
      }),
    [],
  );

  useRealtimeEvents((event) => {
    if (event.event === 'resync') latest.current.onResync();
    else if (event.event === 'message.new' || event.event === 'conversation.updated' || event.event === 'contact.consent') refresh(event.conversationId);
  });
}
