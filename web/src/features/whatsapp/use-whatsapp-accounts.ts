import { fetchWhatsappAccounts } from '../../api/whatsapp';
import { useLoadedList } from '../data/use-loaded-list';

/** The workspace's WhatsApp numbers, reloaded after a connect or a change of default. */
export function useWhatsappAccounts() {
  const { items: accounts, loading, error, reload } = useLoadedList(fetchWhatsappAccounts);
  return { accounts, loading, error, reload };
}
