import { useQuery } from '@tanstack/react-query';
import { fetchAiSettings } from '../../api/ai';
import { queryKeys } from '../../lib/query-keys';

/** Whether the workspace's AI agent is on (null while unknown): the inbox says who really answers from it. */
export function useAiEnabled(): boolean | null {
  const query = useQuery({ queryKey: queryKeys.aiSettings, queryFn: fetchAiSettings });
  return query.data?.enabled ?? null;
}
