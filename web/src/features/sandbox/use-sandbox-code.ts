import { useQuery } from '@tanstack/react-query';
import { fetchSandboxOtp } from '../../api/sandbox';
import { queryKeys } from '../../lib/query-keys';

/**
 * The code the sandbox "sent" to `phone`, or null: outside sandbox mode the route answers 404 and
 * nothing is shown. `sentAfter` (the code's expiry) changes with each new code.
 */
export function useSandboxCode(phone: string, sentAfter: string): string | null {
  const { data } = useQuery({ queryKey: queryKeys.sandboxOtp(phone, sentAfter), queryFn: () => fetchSandboxOtp(phone), staleTime: Infinity });
  return data?.code ?? null;
}
