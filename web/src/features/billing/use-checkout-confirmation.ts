import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TSubscriptionResponse } from '@domain/billing';
import { fetchSubscription } from '../../api/billing';

export type ConfirmationState = 'idle' | 'confirming' | 'confirmed' | 'timeout';

const POLL_MS = 1_000;
const MAX_POLLS = 30;

/**
 * After the hosted checkout sends the browser back (?checkout=done), Razorpay's webhook may not have
 * reached us yet: poll until the subscription is active, or authorised with its first charge later
 * (a kept trial), for about 30 seconds.
 */
export function useCheckoutConfirmation(onActive: (sub: TSubscriptionResponse) => Promise<void>) {
  const [params, setParams] = useSearchParams();
  const [round, setRound] = useState(params.get('checkout') === 'done' ? 1 : 0);
  const [state, setState] = useState<ConfirmationState>(round ? 'confirming' : 'idle');

  useEffect(() => {
    if (!round) return;
    let cancelled = false;
    const sleep = () => new Promise((r) => setTimeout(r, POLL_MS));
    void (async () => {
      for (let i = 0; i < MAX_POLLS && !cancelled; i++) {
        const sub = await fetchSubscription().catch(() => null);
        if (cancelled) return;
        if (sub?.status === 'active' || (sub?.status === 'authenticated' && sub.firstChargeAt)) {
          await onActive(sub);
          if (!cancelled) finish('confirmed');
          return;
        }
        await sleep();
      }
      if (!cancelled) finish('timeout');
    })();
    function finish(result: ConfirmationState) {
      setState(result);
      // Drop ?checkout=done and the provider's payment ids, so a reload does not poll again.
      setParams({}, { replace: true });
    }
    return () => {
      cancelled = true;
    };
    // onActive is deliberately left out: a new callback identity must not restart the polling.
  }, [round]);

  const retry = () => {
    setState('confirming');
    setRound((r) => r + 1);
  };
  return { state, retry, dismiss: () => setState('idle') };
}
