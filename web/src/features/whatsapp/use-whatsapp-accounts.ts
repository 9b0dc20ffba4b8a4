import { fetchWhatsappAccounts } from '../../api/whatsapp';
import { queryKeys } from '../../lib/query-keys';
import { useListQuery } from '../../lib/use-list-query';

/** The workspace's WhatsApp numbers, reloaded after a connect or a change of default. */
export function useWhatsappAccounts() {
  const { items: accounts, loading, error, reload } = useListQuery(queryKeys.whatsappAccounts, fetchWhatsappAccounts);
  return { accounts, loading, error, reload };
}
