import { useEffect, useState } from 'react';
import { fetchOutbox, outboxUrl } from '../../api/sandbox';

/**
 * The outbox route exists only in sandbox mode, so a successful probe is how the page knows to
 * point the user at it instead of their phone.
 */
export function useSandboxOutbox(phone: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    fetchOutbox(phone).then(
      () => active && setUrl(outboxUrl(phone)),
      () => active && setUrl(null),
    );
    return () => {
      active = false;
    };
  }, [phone]);
  return url;
}
