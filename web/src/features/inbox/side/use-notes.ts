import { useCallback } from 'react';
import type { TNote } from '@domain/inbox';
import { listNotes } from '../../../api/conversations';
import { queryKeys } from '../../../lib/query-keys';
import { useListQuery } from '../../../lib/use-list-query';

const oldestFirst = (list: TNote[]) => [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** A conversation's private notes, oldest first; a teammate's new note shows up live (see use-live-queries). */
export function useNotes(conversationId: string) {
  const load = useCallback(() => listNotes(conversationId).then(oldestFirst), [conversationId]);
  const { items: notes, loading, error, setItems } = useListQuery(queryKeys.notes(conversationId), load);
  const append = useCallback((note: TNote) => setItems((list) => [...list.filter((n) => n.id !== note.id), note]), [setItems]);
  return { notes, loading, error, append };
}
