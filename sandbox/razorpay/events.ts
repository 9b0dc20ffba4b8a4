import type { Payment, SubscriptionRecord, SubscriptionStatus } from './entities';
import { wire } from './http';
import type { WebhookEvent, WebhookSender } from './webhooks';

/** The status each subscription event reports, for events sent out of their normal sequence. */
export const STATUS_OF_EVENT: Record<string, SubscriptionStatus> = {
  'subscription.authenticated': 'authenticated',
  'subscription.activated': 'active',
  'subscription.charged': 'active',
  'subscription.pending': 'pending',
  'subscription.halted': 'halted',
  'subscription.cancelled': 'cancelled',
  'subscription.completed': 'completed',
  'subscription.paused': 'paused',
  'subscription.resumed': 'active',
};

/**
 * Builds one event in Razorpay's envelope from the state as it is now. `payment.*` events carry only the payment;
 * `subscription.*` events carry the subscription and, when a payment was attempted, that payment.
 */
export function buildEvent(
  webhooks: WebhookSender,
  name: string,
  record: SubscriptionRecord,
  payment: Payment | undefined,
  options: { status?: SubscriptionStatus; eventId?: string } = {},
): WebhookEvent {
  if (name.startsWith('payment.')) {
    if (!payment) throw new Error(`${name} needs a payment`);
    return webhooks.build(name, { payment: { entity: wire(payment) } }, options.eventId);
  }
  const subscription = wire({ ...record.entity, status: options.status ?? record.entity.status });
  const payload: Record<string, { entity: object }> = { subscription: { entity: subscription } };
  if (payment) payload.payment = { entity: embeddedPayment(payment) };
  return webhooks.build(name, payload, options.eventId);
}

// Razorpay's own subscription.charged sample carries `"captured":"1"` (a string) for the embedded payment.
function embeddedPayment(payment: Payment): object {
  const entity = wire(payment) as object;
  return payment.captured ? { ...entity, captured: '1' } : entity;
}
