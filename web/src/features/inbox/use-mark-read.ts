import { useEffect, useRef, useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { runConversationAction } from '../../api/conversations';

function pageVisible(): boolean {
  return document.visibilityState === 'visible';
}

/**
 * While a conversation is open and the tab is visible, unread messages are marked read: when it is
 * opened, and again when the customer writes while the agent is looking at it.
 */
export function useMarkRead(conversation: TConversation, onChanged: (c: TConversation) => void): void {
  const [visible, setVisible] = useState(pageVisible);
  const inFlight = useRef(false);
  const latest = useRef(onChanged);
  useEffect(() => {
    latest.current = onChanged;
  });

  useEffect(() => {
    const update = () => setVisible(pageVisible());
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  useEffect(() => {
    if (conversation.unread === 0 || !visible || inFlight.current) return;
    inFlight.current = true;
    runConversationAction(conversation.id, 'read')
      .then((c) => latest.current(c))
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  }, [conversation.id, conversation.unread, visible]);
}
