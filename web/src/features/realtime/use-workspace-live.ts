import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import { useSession } from '../session/use-session';
import { useRealtimeEvents } from './use-realtime';

/**
 * Workspace-wide changes every signed-in page follows: a subscription status applied by the billing
 * workflow re-reads the session (trial banner, access) and the plan, in every open tab at once.
 */
export function useWorkspaceLive(): void {
  const client = useQueryClient();
  const { reload } = useSession();
  useRealtimeEvents((event) => {
    if (event.event !== 'subscription.updated') return;
    void reload().catch(() => undefined);
    void client.invalidateQueries({ queryKey: queryKeys.billing });
    void client.invalidateQueries({ queryKey: queryKeys.onboardingChecklist });
  });
}
