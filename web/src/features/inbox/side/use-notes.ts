import { useCallback, useEffect, useState } from 'react';
import type { TNote } from '@domain/inbox';
import { listNotes } from '../../../api/conversations';
import { describeError } from '../../forms/error-messages';
import { useRealtimeEvents } from '../../realtime/use-realtime';

/** A conversation's private notes, oldest first; a teammate's new note shows up live. */
export function useNotes(conversationId: string) {
  const [notes, setNotes] = useState<TNote[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useRealtimeEvents((event) => {
    if (event.event === 'conversation.updated' && event.conversationId === conversationId && event.change === 'addNote') setVersion((v) => v + 1);
  });

  useEffect(() => {
    let active = true;
    listNotes(conversationId).then(
      (list) => {
        if (!active) return;
        setNotes([...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!active) return;
        setError(describeError(err));
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, [conversationId, version]);

  const append = useCallback((note: TNote) => setNotes((list) => [...list.filter((n) => n.id !== note.id), note]), []);
  return { notes, loading, error, append };
}
