import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TConversationCounts } from '@domain/inbox';
import { fetchConversationCounts } from '../../api/conversations';
import { queryKeys } from '../../lib/query-keys';
import { useRealtimeEvents } from '../realtime/use-realtime';

/**
 * The inbox's tab counts and the hand-offs waiting for this person, read again whenever a conversation
 * changes (a new message, a hand-off, an assignment) so the tabs and the sidebar badge stay true.
 */
export function useConversationCounts(): TConversationCounts | undefined {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: queryKeys.conversationCounts, queryFn: fetchConversationCounts });
  useRealtimeEvents((event) => {
    if (event.event === 'resync' || event.event === 'message.new' || event.event === 'conversation.updated') {
      void client.invalidateQueries({ queryKey: queryKeys.conversationCounts });
    }
  });
  return data;
}
