import { useQuery } from '@tanstack/react-query';
import { lookUpInvitation } from '../../api/auth';
import { queryKeys } from '../../lib/query-keys';

/** What the invite link is for; a wrong, used or expired link fails once (404), without retries. */
export function useInvitation(token: string) {
  return useQuery({ queryKey: queryKeys.invitation(token), queryFn: () => lookUpInvitation(token), enabled: token.length >= 20, retry: false, staleTime: Infinity });
}
