import type { TPlanId, TSubscriptionStatus } from './billing';

/** A Razorpay webhook reduced to what the subscription workflow needs (no card or contact details). */
export interface RazorpayEventSignal {
  eventId: string;
  event: string;
  /** Unix seconds, from the event envelope. */
  createdAt: number;
  subscription?: {
    id: string;
    status: string;
    planId: string;
    currentStart: number | null;
    currentEnd: number | null;
    paidCount: number;
    endedAt: number | null;
  };
  payment?: {
    id: string;
    amountMinor: number;
    currency: string;
    status: string;
    invoiceId: string | null;
    method: string | null;
    errorCode: string | null;
    errorDescription: string | null;
    createdAt: number;
  };
}

export interface SubscriptionWorkflowInput {
  tenantId: string;
  graceMs: number;
  carried?: SubscriptionWorkflowState;
}

export interface SubscriptionWorkflowState {
  subscriptionId: string | null;
  razorpaySubscriptionId: string | null;
  planId: TPlanId | null;
  status: TSubscriptionStatus | null;
  cancelAtCycleEnd: boolean;
  graceEndsAt: number | null;
  /** Order key of the newest status applied: (event time, payments so far, status rank). */
  lastApplied: [number, number, number] | null;
  seenEventIds: string[];
  trialConverted: boolean;
}

/**
 * Which subscription statuses keep a workspace open. `grace`: halted but inside the grace period;
 * `authenticated`: the card mandate is given and Razorpay charges at its `start_at` (a trial's end).
 */
export const subscriptionStatusesWithAccess: readonly TSubscriptionStatus[] = ['authenticated', 'active', 'pending', 'grace'];

const RANK: Record<string, number> = { created: 0, authenticated: 1, active: 2, resumed: 2, pending: 3, halted: 4, paused: 5, cancelled: 8, completed: 9, expired: 9 };

/** Razorpay's status (from the entity) mapped to ours; `halted` starts our grace period. */
export function statusFromEvent(e: RazorpayEventSignal): TSubscriptionStatus | null {
  const status = e.subscription?.status;
  if (!status) return null;
  if (status === 'halted') return 'grace';
  return (['created', 'authenticated', 'active', 'pending', 'cancelled', 'completed', 'paused', 'expired'] as const).find((s) => s === status) ?? null;
}

export function orderKey(e: RazorpayEventSignal): [number, number, number] {
  return [e.createdAt, e.subscription?.paidCount ?? 0, RANK[e.subscription?.status ?? ''] ?? 0];
}

/** True when `next` is not older than `last`: out-of-order deliveries never move the state backwards. */
export function isNewer(next: [number, number, number], last: [number, number, number] | null): boolean {
  if (!last) return true;
  for (let i = 0; i < 3; i++) {
    if (next[i] !== last[i]) return next[i] > last[i];
  }
  return true;
}
