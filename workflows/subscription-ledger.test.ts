import { ApplicationFailure } from '@temporalio/workflow';
import type { RazorpayEventSignal } from '../domain/subscription-events';
import { SubscriptionLedger } from './subscription-ledger';

const GRACE_MS = 60_000;
const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);

function event(eventId: string, status: string, createdAt: number, paidCount = 0, subscriptionId = 'sub_rzp_1'): RazorpayEventSignal {
  return {
    eventId,
    event: `subscription.${status}`,
    createdAt,
    subscription: { id: subscriptionId, status, planId: 'plan_rzp', currentStart: null, currentEnd: null, paidCount, endedAt: null },
  };
}

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ApplicationFailure ? String(error.type) : String(error);
  }
}

function subscribedLedger(): SubscriptionLedger {
  const ledger = new SubscriptionLedger();
  ledger.subscribed('sub-1', 'sub_rzp_1', 'starter');
  return ledger;
}

describe('SubscriptionLedger (the subscription actor’s state and rules)', () => {
  it('moves forward only: an older event delivered late changes nothing', () => {
    const ledger = subscribedLedger();
    expect(ledger.applyEvent(event('evt_2', 'active', 200, 1), NOW, GRACE_MS)).toEqual({ becameActive: true, access: 'gained' });
    expect(ledger.applyEvent(event('evt_1', 'authenticated', 100), NOW, GRACE_MS)).toBeNull();
    expect(ledger.state.status).toBe('active');
    expect(ledger.applyEvent(event('evt_3', 'active', 300, 2), NOW, GRACE_MS)).toEqual({ becameActive: false, access: null });
  });

  it('ignores statuses of another Razorpay subscription once it has one', () => {
    const ledger = subscribedLedger();
    expect(ledger.applyEvent(event('evt_1', 'cancelled', 100, 0, 'sub_rzp_old'), NOW, GRACE_MS)).toBeNull();
    expect(ledger.state.status).toBe('created');
  });

  it('starts grace once on halt, keeps its deadline on a repeated halt, and suspends when it runs out', () => {
    const ledger = subscribedLedger();
    ledger.applyEvent(event('evt_1', 'active', 100, 1), NOW, GRACE_MS);
    ledger.applyEvent(event('evt_2', 'halted', 200, 1), NOW, GRACE_MS);
    expect(ledger.state).toMatchObject({ status: 'grace', graceEndsAt: NOW + GRACE_MS });
    ledger.applyEvent(event('evt_3', 'halted', 300, 1), NOW + 10_000, GRACE_MS);
    expect(ledger.state.graceEndsAt).toBe(NOW + GRACE_MS);
    expect(ledger.graceRemaining(NOW + 50_000)).toBe(10_000);
    expect(ledger.graceExpired(NOW + GRACE_MS - 1)).toBe(false);
    expect(ledger.graceExpired(NOW + GRACE_MS)).toBe(true);
    ledger.suspend();
    expect(ledger.state).toMatchObject({ status: 'suspended', graceEndsAt: null });
    ledger.applyEvent(event('evt_4', 'halted', 400, 1), NOW, GRACE_MS);
    expect(ledger.state.status).toBe('suspended');
    expect(ledger.applyEvent(event('evt_5', 'active', 500, 2), NOW, GRACE_MS)).toEqual({ becameActive: true, access: 'gained' });
    expect(ledger.state.graceEndsAt).toBeNull();
  });

  it('an authorised subscription (first charge later) has access; a cancel before that charge takes it away', () => {
    const ledger = subscribedLedger();
    expect(ledger.applyEvent(event('evt_1', 'authenticated', 100), NOW, GRACE_MS)).toEqual({ becameActive: false, access: 'gained' });
    // The same status again under another event id: nothing changes, nothing to tell the trial.
    expect(ledger.applyEvent(event('evt_1b', 'authenticated', 100), NOW, GRACE_MS)).toEqual({ becameActive: false, access: null });
    expect(refusal(() => ledger.assertCanSubscribe())).toBe('already_subscribed');
    expect(refusal(() => ledger.assertCanChangePlan('growth'))).toBeNull();
    expect(ledger.applyEvent(event('evt_2', 'cancelled', 200), NOW, GRACE_MS)).toEqual({ becameActive: false, access: 'lost' });
    expect(refusal(() => ledger.assertCanSubscribe())).toBeNull();

    const charged = subscribedLedger();
    charged.applyEvent(event('evt_1', 'authenticated', 100), NOW, GRACE_MS);
    expect(charged.applyEvent(event('evt_2', 'active', 200, 1), NOW, GRACE_MS)).toEqual({ becameActive: true, access: null });
  });

  it('remembers the last 500 event ids', () => {
    const ledger = new SubscriptionLedger();
    for (let i = 0; i < 501; i++) ledger.markSeen(`evt_${i}`);
    expect(ledger.hasSeen('evt_0')).toBe(false);
    expect(ledger.hasSeen('evt_1')).toBe(true);
    expect(ledger.hasSeen('evt_500')).toBe(true);
  });

  it('guards the commands: one live subscription, cancel or change only what exists, never to the same plan', () => {
    const empty = new SubscriptionLedger();
    expect(refusal(() => empty.assertCanSubscribe())).toBeNull();
    expect(refusal(() => empty.assertHasSubscription())).toBe('no_subscription');
    const ledger = subscribedLedger();
    expect(refusal(() => ledger.assertHasSubscription())).toBeNull();
    // Razorpay changes the plan only once the first payment is authorised: before that, nothing to change.
    expect(refusal(() => ledger.assertCanChangePlan('growth'))).toBe('no_subscription');
    ledger.applyEvent(event('evt_1', 'active', 100, 1), NOW, GRACE_MS);
    expect(refusal(() => ledger.assertCanChangePlan('starter'))).toBe('same_plan');
    expect(refusal(() => ledger.assertCanChangePlan('growth'))).toBeNull();
    expect(refusal(() => ledger.assertCanSubscribe())).toBe('already_subscribed');
    ledger.applyEvent(event('evt_2', 'cancelled', 200, 1), NOW, GRACE_MS);
    expect(refusal(() => ledger.assertCanSubscribe())).toBeNull();
    expect(refusal(() => ledger.assertHasSubscription())).toBe('no_subscription');
  });
});
