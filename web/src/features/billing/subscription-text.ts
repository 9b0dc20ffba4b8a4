import type { TAccess } from '@domain/auth';
import type { TSubscriptionResponse, TSubscriptionStatus } from '@domain/billing';
import { formatDate } from '../../lib/format';

export type Tone = 'neutral' | 'green' | 'amber' | 'red';

export interface StatusText {
  label: string;
  tone: Tone;
  explanation: string;
}

/** Statuses in which the workspace is paid for: the plan can be changed or cancelled, not bought again. */
const MANAGEABLE: ReadonlySet<TSubscriptionStatus> = new Set(['active', 'pending', 'grace']);

export function canManage(sub: TSubscriptionResponse): boolean {
  return sub.status !== null && MANAGEABLE.has(sub.status);
}

/** `authenticated` is paid for and about to start: a second checkout would charge twice. */
export function canSubscribe(sub: TSubscriptionResponse): boolean {
  return !canManage(sub) && sub.status !== 'authenticated';
}

/** Said before paying: whether the running trial is kept (billing starts at its end) or the charge is today. */
export function checkoutTimingText(checkout: TSubscriptionResponse['checkout']): { title: string; detail: string } {
  if (!checkout.trialKept) return { title: "You'll be charged today.", detail: 'Your plan starts as soon as you pay.' };
  const day = formatDate(checkout.firstChargeAt);
  return {
    title: `Your trial continues until ${day}; your first charge is on ${day}.`,
    detail: 'Nothing is charged today: Razorpay only authorises your card (₹5, refunded at once).',
  };
}

/** What the subscription state means for the customer, in their words rather than Razorpay's. */
export function describeStatus(sub: TSubscriptionResponse, access: TAccess): StatusText {
  const plan = sub.plan?.name ?? 'Your';
  switch (sub.status) {
    case null:
      return access.trialActive
        ? { label: 'Free trial', tone: 'green', explanation: `Your free trial is running. Choose a plan to keep your workspace open after it ends.` }
        : { label: 'No plan', tone: 'red', explanation: 'The free trial has ended and there is no subscription, so the workspace is blocked. Choose a plan to reopen it.' };
    case 'created':
      return { label: 'Checkout not completed', tone: 'amber', explanation: 'A subscription was started but not paid yet. Subscribe again to open the payment page.' };
    case 'authenticated':
      return sub.firstChargeAt
        ? {
            label: 'Card authorised',
            tone: 'green',
            explanation: `The ${plan} plan starts on ${formatDate(sub.firstChargeAt)}, when Razorpay takes the first payment. Nothing has been charged yet${access.trialActive ? ' and your free trial continues until then' : ''}.`,
          }
        : { label: 'Payment authorised', tone: 'amber', explanation: `Razorpay has authorised your payment method; the ${plan} plan starts shortly.` };
    case 'active':
      return sub.cancelAtCycleEnd
        ? {
            label: 'Active — cancelling',
            tone: 'amber',
            explanation: `The ${plan} plan was cancelled and ends on ${formatDate(sub.currentPeriodEnd)}. You keep full access until then.`,
          }
        : { label: 'Active', tone: 'green', explanation: `The ${plan} plan is active and renews on ${formatDate(sub.currentPeriodEnd)}.` };
    case 'pending':
      return { label: 'Payment retrying', tone: 'amber', explanation: 'The latest renewal payment failed and Razorpay is retrying it. Your workspace stays open meanwhile.' };
    case 'halted':
    case 'grace':
      return {
        label: 'Payment failed',
        tone: 'red',
        explanation: `Payment failed — update your payment method before ${formatDate(sub.graceEndsAt)} to keep your workspace open.`,
      };
    case 'suspended':
      return { label: 'Suspended', tone: 'red', explanation: 'Payments failed and the grace period is over, so the workspace is blocked. Subscribe again to reopen it.' };
    case 'cancelled':
      return access.trialActive
        ? {
            label: 'Cancelled',
            tone: 'amber',
            explanation: 'The subscription was cancelled before its first charge. Your free trial continues until it ends; choose a plan to keep the workspace open after that.',
          }
        : { label: 'Cancelled', tone: 'red', explanation: 'The subscription was cancelled. Choose a plan to subscribe again.' };
    case 'completed':
      return { label: 'Completed', tone: 'neutral', explanation: 'All billing cycles of the subscription are done. Choose a plan to continue.' };
    case 'paused':
      return { label: 'Paused', tone: 'amber', explanation: 'The subscription is paused: no charges, and the workspace is on hold until it resumes.' };
    case 'expired':
      return { label: 'Expired', tone: 'red', explanation: 'The subscription has expired. Choose a plan to subscribe again.' };
  }
}
