import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import { useRealtimeEvents } from './use-realtime';

const FRESH_MS = 3_000;

/**
 * Realtime events mark the cached reads they change as stale; every mounted view of them reads again.
 * Labels and canned responses changed in Settings (this tab or another) arrive as their own events.
 */
export function useLiveQueries(): void {
  const client = useQueryClient();
  useRealtimeEvents((event) => {
    // Not reads answered moments ago: the first `resync` follows the page's first reads, and reading them all again would only compete with the live events.
    if (event.event === 'resync') void client.invalidateQueries({ predicate: (q) => q.state.dataUpdatedAt < Date.now() - FRESH_MS });
    else if (event.event === 'conversation.updated' && event.change === 'addNote') void client.invalidateQueries({ queryKey: queryKeys.notes(event.conversationId) });
    else if (event.event === 'label.changed') void client.invalidateQueries({ queryKey: queryKeys.labels });
    else if (event.event === 'canned_response.changed') void client.invalidateQueries({ queryKey: queryKeys.cannedResponses });
  });
}
