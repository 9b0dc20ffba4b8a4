import { ApplicationFailure } from '@temporalio/workflow';
import type { TPlanId, TSubscriptionStatus } from '../domain/billing';
import { isNewer, orderKey, statusFromEvent, subscriptionStatusesWithAccess, type RazorpayEventSignal, type SubscriptionWorkflowState } from '../domain/subscription-events';

const MAX_SEEN_EVENTS = 500;
const CHANGEABLE: readonly (TSubscriptionStatus | null)[] = ['authenticated', 'active'];
const LIVE: readonly (TSubscriptionStatus | null)[] = ['created', 'authenticated', 'active', 'pending', 'grace', 'paused'];

export interface LedgerChange {
  becameActive: boolean;
  /** The workspace's access through this subscription began (`authenticated` counts) or ended. */
  access: 'gained' | 'lost' | null;
}

const hasAccess = (status: TSubscriptionStatus | null) => status !== null && subscriptionStatusesWithAccess.includes(status);

/** The subscription workflow's state and rules, kept apart from Temporal wiring so they read plainly. */
export class SubscriptionLedger {
  readonly state: SubscriptionWorkflowState;

  constructor(carried?: SubscriptionWorkflowState) {
    this.state = carried ?? {
      subscriptionId: null,
      razorpaySubscriptionId: null,
      planId: null,
      status: null,
      cancelAtCycleEnd: false,
      graceEndsAt: null,
      lastApplied: null,
      seenEventIds: [],
      trialConverted: false,
    };
  }

  hasSeen(eventId: string): boolean {
    return this.state.seenEventIds.includes(eventId);
  }

  markSeen(eventId: string): void {
    this.state.seenEventIds.push(eventId);
    if (this.state.seenEventIds.length > MAX_SEEN_EVENTS) this.state.seenEventIds.shift();
  }

  assertCanSubscribe(): void {
    if (hasAccess(this.state.status)) {
      throw ApplicationFailure.nonRetryable('This workspace already has an active subscription; change its plan instead', 'already_subscribed');
    }
  }

  assertHasSubscription(): void {
    if (!this.state.razorpaySubscriptionId || !LIVE.includes(this.state.status)) {
      throw ApplicationFailure.nonRetryable('There is no subscription to change', 'no_subscription');
    }
  }

  assertCanChangePlan(planId: TPlanId): void {
    this.assertHasSubscription();
    // Razorpay changes plans only of authenticated or active subscriptions; asking it sooner was a 502.
    if (!CHANGEABLE.includes(this.state.status)) {
      throw ApplicationFailure.nonRetryable('The subscription can change plan once its first payment is authorised; finish the checkout first', 'no_subscription');
    }
    if (this.state.planId === planId) throw ApplicationFailure.nonRetryable('The subscription is already on this plan', 'same_plan');
  }

  subscribed(subscriptionId: string, razorpaySubscriptionId: string, planId: TPlanId): void {
    Object.assign(this.state, { subscriptionId, razorpaySubscriptionId, planId, status: 'created', cancelAtCycleEnd: false, graceEndsAt: null, lastApplied: null });
  }

  cancelRequested(atCycleEnd: boolean): void {
    this.state.cancelAtCycleEnd = atCycleEnd;
  }

  planChanged(planId: TPlanId): void {
    this.state.planId = planId;
  }

  /**
   * Applies an event's status when it is not older than the last one applied. Events about another
   * (older) Razorpay subscription of this tenant only record their payments.
   */
  applyEvent(event: RazorpayEventSignal, now: number, graceMs: number): LedgerChange | null {
    const next = statusFromEvent(event);
    if (!next || !event.subscription) return null;
    if (this.state.razorpaySubscriptionId && event.subscription.id !== this.state.razorpaySubscriptionId) return null;
    const key = orderKey(event);
    if (!isNewer(key, this.state.lastApplied)) return null;
    const before = this.state.status;
    this.state.lastApplied = key;
    this.state.razorpaySubscriptionId ??= event.subscription.id;
    if (next === 'grace') {
      if (before !== 'grace' && before !== 'suspended') this.state.graceEndsAt = now + graceMs;
      this.state.status = before === 'suspended' ? 'suspended' : 'grace';
    } else {
      this.state.status = next;
      this.state.graceEndsAt = null;
    }
    const access = hasAccess(this.state.status) === hasAccess(before) ? null : hasAccess(this.state.status) ? 'gained' : 'lost';
    return { becameActive: this.state.status === 'active' && before !== 'active', access };
  }

  graceRemaining(now: number): number | null {
    if (this.state.status !== 'grace' || this.state.graceEndsAt === null) return null;
    return Math.max(0, this.state.graceEndsAt - now);
  }

  graceExpired(now: number): boolean {
    return this.state.status === 'grace' && this.state.graceEndsAt !== null && now >= this.state.graceEndsAt;
  }

  suspend(): void {
    this.state.status = 'suspended';
    this.state.graceEndsAt = null;
  }

  statusRecord() {
    return {
      subscriptionId: this.state.subscriptionId,
      razorpaySubscriptionId: this.state.razorpaySubscriptionId,
      planId: this.state.planId,
      status: this.state.status!,
      cancelAtCycleEnd: this.state.cancelAtCycleEnd,
      graceEndsAt: this.state.graceEndsAt,
    };
  }
}
