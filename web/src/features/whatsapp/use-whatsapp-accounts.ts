import { useCallback, useEffect, useState } from 'react';
import type { TWhatsappAccount } from '../../../../domain/whatsapp';
import { fetchWhatsappAccounts } from '../../api/whatsapp';
import { describeError } from '../forms/error-messages';

/** The workspace's WhatsApp numbers, reloaded after a connect or a change of default. */
export function useWhatsappAccounts() {
  const [accounts, setAccounts] = useState<TWhatsappAccount[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setAccounts(await fetchWhatsappAccounts());
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { accounts, loading, error, reload };
}
