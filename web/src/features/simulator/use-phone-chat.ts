import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Customer, type CustomerBubble, digitsOf, loadThread, rememberCustomer, saveThread } from './customer-storage';
import { type BusinessMessage, type CustomerMessageInput, type InboundResult, fetchBusinessMessages, sendAsCustomer } from './sim-client';

const POLL_MS = 1000;

export type ChatEntry = { side: 'customer'; at: number; bubble: CustomerBubble } | { side: 'business'; at: number; message: BusinessMessage };

export type OutgoingExtras = Pick<CustomerBubble, 'quote' | 'attachment' | 'imageUrl'>;

function sameMessages(a: BusinessMessage[], b: BusinessMessage[]): boolean {
  return a.length === b.length && a.every((m, i) => m.wamid === b[i].wamid && m.failureCode === b[i].failureCode);
}

function deliveryProblem(delivery: InboundResult['delivery']): string | undefined {
  if (delivery.status !== undefined && delivery.status < 300) return undefined;
  if (delivery.skipped) return `Not delivered: ${delivery.skipped}`;
  if (delivery.status !== undefined) return `Aerostic answered the webhook with HTTP ${delivery.status}`;
  return `Aerostic did not answer the webhook${delivery.error ? `: ${delivery.error}` : ''}`;
}

/**
 * One customer's chat with one business number: their own messages (kept locally) merged with what the
 * business sent them, polled from the Meta simulator every second. Mount it under a key per chat.
 */
export function usePhoneChat(simUrl: string, simToken: string, phoneNumberId: string, customer: Customer) {
  const [business, setBusiness] = useState<BusinessMessage[]>([]);
  const [mine, setMine] = useState<CustomerBubble[]>(() => loadThread(phoneNumberId, customer.phone));
  const [pollError, setPollError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const list = await fetchBusinessMessages({ url: simUrl, token: simToken }, phoneNumberId, digitsOf(customer.phone));
        if (!active) return;
        setBusiness((prev) => (sameMessages(prev, list) ? prev : list));
        setPollError(null);
      } catch (err) {
        if (active) setPollError((err as Error).message);
      }
      if (active) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [simUrl, simToken, phoneNumberId, customer.phone]);

  useEffect(() => saveThread(phoneNumberId, customer.phone, mine), [phoneNumberId, customer.phone, mine]);

  const send = useCallback(
    async (message: CustomerMessageInput, text: string, extras: OutgoingExtras = {}) => {
      const id = `local-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const update = (patch: Partial<CustomerBubble>) => setMine((prev) => prev.map((b) => (b.id === id ? { ...b, ...patch } : b)));
      setMine((prev) => [...prev, { id, at: Date.now(), text, state: 'sending', ...extras }]);
      rememberCustomer(customer);
      try {
        const result = await sendAsCustomer({ url: simUrl, token: simToken }, { phoneNumberId, from: digitsOf(customer.phone), name: customer.name.trim() || undefined, message });
        const problem = deliveryProblem(result.delivery);
        update({ state: problem ? 'failed' : 'delivered', error: problem });
      } catch (err) {
        update({ state: 'failed', error: (err as Error).message });
      }
    },
    [simUrl, simToken, phoneNumberId, customer],
  );

  const entries = useMemo<ChatEntry[]>(
    () =>
      [
        ...mine.map((bubble): ChatEntry => ({ side: 'customer', at: bubble.at, bubble })),
        ...business.map((message): ChatEntry => ({ side: 'business', at: message.at, message })),
      ].sort((a, b) => a.at - b.at),
    [mine, business],
  );

  return { entries, send, pollError };
}
