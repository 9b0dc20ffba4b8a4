import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { fetchConversation } from '../../api/conversations';
import { useRealtimeEvents } from '../realtime/use-realtime';
import { contactName, handoffText } from './conversation-text';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * A browser notification when the AI hands a conversation to people: for its assignee, or for the
 * whole team while nobody has it. Only with the browser's permission, asked for from the inbox.
 */
export function useHandoffNotifications(userId: string): void {
  const navigate = useNavigate();
  useRealtimeEvents((event) => {
    if (event.event !== 'conversation.updated' || event.change !== 'handoff') return;
    if (!supported() || Notification.permission !== 'granted') return;
    void fetchConversation(event.conversationId).then(
      (c) => {
        if (c.assignedTo !== null && c.assignedTo !== userId) return;
        const note = new Notification(`${contactName(c)} needs a human`, { body: handoffText(event.reason ?? c.handoffReason ?? ''), tag: `handoff-${c.id}` });
        note.onclick = () => {
          window.focus();
          void navigate(`/app/inbox/${c.id}`);
          note.close();
        };
      },
      () => undefined,
    );
  });
}

/** The browser's notification permission, and a way to ask for it (only from a click, as browsers require). */
export function useNotificationPermission(): { permission: NotificationPermission | 'unsupported'; ask(): void } {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() => (supported() ? Notification.permission : 'unsupported'));
  const ask = useCallback(() => {
    if (supported()) void Notification.requestPermission().then(setPermission);
  }, []);
  return { permission, ask };
}
