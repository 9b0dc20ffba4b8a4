import { isApiError } from '../../api/api-error';
import { describeError } from '../forms/error-messages';

const messages: Record<string, string> = {
  already_subscribed: 'This workspace already has an active subscription. Change its plan instead of subscribing again.',
  billing_provider_error: 'Razorpay did not accept the request, and nothing was charged. Please try again in a moment.',
  no_subscription: 'There is no active subscription to change. Choose a plan to subscribe.',
  same_plan: 'The subscription is already on this plan.',
  forbidden: 'Only workspace admins can change billing.',
};

export function describeBillingError(err: unknown): string {
  return isApiError(err) && messages[err.code] ? messages[err.code] : describeError(err);
}

/**
 * Asks the hosted checkout page to send the browser back here once paid. The sandbox simulator
 * honours `redirect`; a page that ignores it leaves the customer to come back by themselves, and
 * the webhook activates the subscription either way.
 */
export function checkoutUrlFor(shortUrl: string, origin: string): string {
  const url = new URL(shortUrl);
  url.searchParams.set('redirect', `${origin}/app/billing?checkout=done`);
  return url.toString();
}
