import type { Billing } from './billing';
import type { Payment, SubscriptionRecord } from './entities';
import { invalidState } from './errors';
import { buildEvent, STATUS_OF_EVENT } from './events';
import { newId } from './ids';
import type { Store } from './store';
import { addCycles, nowSeconds } from './time';
import type { WebhookEvent, WebhookSender } from './webhooks';

/**
 * What happens on Razorpay's side without an API call: the customer paying at checkout, auto-charges at each
 * cycle, failed charges and their retries. Each step changes the state first and snapshots an event at once,
 * so every event shows the subscription as it was at that step; the events are then delivered in order.
 */
export class Lifecycle {
  constructor(
    private readonly store: Store,
    private readonly billing: Billing,
    private readonly webhooks: WebhookSender,
    private readonly renewalRetries: number,
  ) {}

  /** Checkout success (created), or a manual payment that clears a pending/halted subscription. */
  async pay(subscriptionId: string): Promise<Payment> {
    const record = this.store.subscription(subscriptionId);
    if (expireIfStartPassed(record)) throw invalidState('Subscription has expired because the authentication transaction was not completed before its start time.');
    const status = record.entity.status;
    if (status === 'created') await this.deliver(this.firstPayment(record));
    else if (status === 'pending' || status === 'halted') await this.deliver(this.recover(record));
    else throw invalidState(`Subscription cannot be paid in ${status} status.`);
    return this.store.payments.get(record.lastPaymentId ?? '') as Payment;
  }

  async failPayment(subscriptionId: string): Promise<void> {
    await this.deliver(this.failOnce(this.store.subscription(subscriptionId)));
  }

  async chargeNextCycle(subscriptionId: string): Promise<void> {
    await this.deliver(this.nextCycle(this.store.subscription(subscriptionId)));
  }

  /** Razorpay's card retry model: the charge day plus three daily retries, then `halted`. */
  async failRenewalUntilHalted(subscriptionId: string): Promise<void> {
    const record = this.store.subscription(subscriptionId);
    if (!['authenticated', 'active', 'pending'].includes(record.entity.status)) {
      throw invalidState(`Subscription cannot be charged in ${record.entity.status} status.`);
    }
    const events: WebhookEvent[] = [];
    while (record.entity.status !== 'halted') events.push(...this.failOnce(record));
    await this.deliver(events);
  }

  /** One event from the current state, with the status the event implies; the stored state does not change. */
  async sendEvent(subscriptionId: string, event: string, eventId?: string): Promise<{ status: number; eventId: string }> {
    const record = this.store.subscription(subscriptionId);
    const built = buildEvent(this.webhooks, event, record, this.paymentFor(record, event), { status: STATUS_OF_EVENT[event], eventId });
    return { status: await this.webhooks.send(built), eventId: built.eventId };
  }

  private firstPayment(record: SubscriptionRecord): WebhookEvent[] {
    const sub = record.entity;
    this.ensureCustomer(record);
    if (startsLater(sub)) {
      // Only the authentication transaction (₹5, refunded); the first charge comes at start_at.
      const auth = this.billing.authenticate(record);
      sub.status = 'authenticated';
      return [this.event('subscription.authenticated', record, auth)];
    }
    this.beginCycle(record);
    const payment = this.billing.capture(record, this.billing.dueInvoice(record));
    sub.status = 'authenticated';
    const events = [this.event('subscription.authenticated', record, payment)];
    return [...events, ...this.activateWith(record, payment)];
  }

  private recover(record: SubscriptionRecord): WebhookEvent[] {
    const payment = this.billing.capture(record, this.billing.dueInvoice(record));
    return this.activateWith(record, payment);
  }

  private activateWith(record: SubscriptionRecord, payment: Payment): WebhookEvent[] {
    const sub = record.entity;
    sub.status = 'active';
    this.countPaid(record);
    const events = [this.event('subscription.activated', record, payment), this.event('subscription.charged', record, payment), this.event('payment.captured', record, payment)];
    return [...events, ...this.completeIfDone(record)];
  }

  private nextCycle(record: SubscriptionRecord): WebhookEvent[] {
    const sub = record.entity;
    if (sub.status === 'authenticated') {
      this.beginCycle(record);
      return this.activateWith(record, this.billing.capture(record, this.billing.dueInvoice(record)));
    }
    if (sub.status !== 'active') throw invalidState(`Subscription cannot be charged in ${sub.status} status.`);
    if (record.cancelAtCycleEnd) {
      Object.assign(sub, { status: 'cancelled', ended_at: sub.current_end ?? nowSeconds(), charge_at: null });
      record.cancelAtCycleEnd = false;
      return [this.event('subscription.cancelled', record, undefined)];
    }
    const events: WebhookEvent[] = [];
    if (record.scheduled) {
      applyChange(record, record.scheduled);
      events.push(this.event('subscription.updated', record, undefined));
    }
    this.beginCycle(record);
    const payment = this.billing.capture(record, this.billing.dueInvoice(record));
    this.countPaid(record);
    events.push(this.event('subscription.charged', record, payment), this.event('payment.captured', record, payment));
    return [...events, ...this.completeIfDone(record)];
  }

  private failOnce(record: SubscriptionRecord): WebhookEvent[] {
    const sub = record.entity;
    if (sub.status === 'created' || sub.status === 'halted') {
      // A failed checkout attempt, or a failed manual attempt on a halted subscription: no state change.
      if (sub.status === 'created') this.ensureCustomer(record);
      const payment = this.billing.fail(record, this.billing.dueInvoice(record));
      sub.auth_attempts += 1;
      return [this.event('payment.failed', record, payment)];
    }
    if (sub.status === 'active' || sub.status === 'authenticated') {
      this.beginCycle(record);
      sub.auth_attempts = 0;
    } else if (sub.status !== 'pending') {
      throw invalidState(`Subscription cannot be charged in ${sub.status} status.`);
    }
    const payment = this.billing.fail(record, this.billing.dueInvoice(record));
    sub.auth_attempts += 1;
    const exhausted = sub.auth_attempts > this.renewalRetries;
    sub.status = exhausted ? 'halted' : 'pending';
    sub.charge_at = exhausted ? null : (sub.current_start ?? nowSeconds()) + 86_400 * sub.auth_attempts;
    return [this.event('payment.failed', record, payment), this.event(exhausted ? 'subscription.halted' : 'subscription.pending', record, payment)];
  }

  private beginCycle(record: SubscriptionRecord): void {
    const sub = record.entity;
    const plan = this.store.plan(sub.plan_id);
    const start = sub.current_end ?? (sub.start_at !== null && sub.start_at > sub.created_at ? sub.start_at : nowSeconds());
    if (sub.current_end === null) sub.end_at = addCycles(start, plan.period, plan.interval, sub.total_count);
    sub.current_start = start;
    sub.current_end = addCycles(start, plan.period, plan.interval);
  }

  private countPaid(record: SubscriptionRecord): void {
    const sub = record.entity;
    sub.paid_count += 1;
    sub.remaining_count = Math.max(0, sub.total_count - sub.paid_count);
    sub.auth_attempts = 0;
    sub.charge_at = sub.current_end;
  }

  private completeIfDone(record: SubscriptionRecord): WebhookEvent[] {
    const sub = record.entity;
    if (sub.remaining_count > 0) return [];
    Object.assign(sub, { status: 'completed', ended_at: nowSeconds(), charge_at: null });
    return [this.event('subscription.completed', record, undefined)];
  }

  /** Checkout collects the customer's details when the subscription was created without a customer_id. */
  private ensureCustomer(record: SubscriptionRecord): void {
    if (record.entity.customer_id) return;
    const id = newId('cust');
    const email = `sandbox.customer+${id.slice(5).toLowerCase()}@example.com`;
    // A contact of its own, so the customer the app creates later is never taken for this one.
    const contact = `+9199${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    this.store.customers.set(id, { id, entity: 'customer', name: 'Sandbox Customer', email, contact, gstin: null, notes: {}, created_at: nowSeconds() });
    record.entity.customer_id = id;
  }

  private paymentFor(record: SubscriptionRecord, event: string): Payment | undefined {
    const last = record.lastPaymentId ? this.store.payments.get(record.lastPaymentId) : undefined;
    const wanted = event === 'payment.failed' ? 'failed' : event === 'payment.captured' || event === 'subscription.charged' ? 'captured' : undefined;
    if (!wanted || last?.status === wanted) return last;
    return this.billing.preview(record, wanted);
  }

  private event(name: string, record: SubscriptionRecord, payment: Payment | undefined): WebhookEvent {
    return buildEvent(this.webhooks, name, record, payment);
  }

  private async deliver(events: WebhookEvent[]): Promise<void> {
    await Promise.all(events.map((event) => this.webhooks.send(event)));
  }
}

/** A `start_at` still ahead: checkout only authorises the card (Razorpay's "future start date"). */
export function startsLater(sub: { start_at: number | null }): boolean {
  return sub.start_at !== null && sub.start_at > nowSeconds();
}

/**
 * Razorpay: a subscription whose `start_at` passes before the authentication transaction moves to
 * `expired` and cannot be used again (no webhook announces it). Applied when the checkout is next used.
 */
export function expireIfStartPassed(record: SubscriptionRecord): boolean {
  const sub = record.entity;
  if (sub.status !== 'created' || sub.start_at === null || sub.start_at > nowSeconds()) return false;
  Object.assign(sub, { status: 'expired', ended_at: nowSeconds(), charge_at: null });
  return true;
}

export function applyChange(record: SubscriptionRecord, change: { plan_id?: string; quantity?: number; remaining_count?: number }): void {
  const sub = record.entity;
  if (change.plan_id !== undefined) sub.plan_id = change.plan_id;
  if (change.quantity !== undefined) sub.quantity = change.quantity;
  if (change.remaining_count !== undefined) {
    sub.remaining_count = change.remaining_count;
    sub.total_count = sub.paid_count + change.remaining_count;
  }
  record.scheduled = null;
  sub.has_scheduled_changes = false;
  sub.change_scheduled_at = null;
}
