import type { Customer, Invoice, InvoiceLineItem, Payment, SubscriptionRecord } from './entities';
import { newId } from './ids';
import type { Store } from './store';
import { nowSeconds } from './time';

/** The failure fields of Razorpay's payment.failed sample. */
const DECLINED = {
  status: 'failed',
  error_code: 'BAD_REQUEST_ERROR',
  error_description: 'Payment failed',
  error_source: 'bank',
  error_step: 'payment_authorization',
  error_reason: 'payment_failed',
  acquirer_data: { auth_code: null },
} as const;

/** What Razorpay takes (and refunds) to authorise a card for a subscription with a future start and no upfront amount: ₹5. */
export const AUTHENTICATION_AMOUNT = 500;

const SANDBOX_CARD = { name: 'Sandbox Customer', last4: '1111', network: 'Visa', issuer: 'HDFC' };

/** Invoices and payments for a subscription's charges, shaped like Razorpay's. */
export class Billing {
  constructor(
    private readonly store: Store,
    private readonly checkoutUrl: (subscriptionId: string) => string,
  ) {}

  /** The unpaid invoice of the current cycle, creating it (with the upfront addons on the first one) if needed. */
  dueInvoice(record: SubscriptionRecord): Invoice {
    const existing = record.dueInvoiceId ? this.store.invoices.get(record.dueInvoiceId) : undefined;
    if (existing && existing.status === 'issued') {
      // A checkout attempt that failed before the first cycle began left the period open.
      existing.billing_start ??= record.entity.current_start;
      existing.billing_end ??= record.entity.current_end;
      return existing;
    }
    const invoice = this.newInvoice(record);
    this.store.invoices.set(invoice.id, invoice);
    record.dueInvoiceId = invoice.id;
    return invoice;
  }

  /** What the customer pays now, without issuing an invoice just because someone looked. */
  amountDue(record: SubscriptionRecord): number {
    const existing = record.dueInvoiceId ? this.store.invoices.get(record.dueInvoiceId) : undefined;
    return existing && existing.status === 'issued' ? existing.amount : this.newInvoice(record).amount;
  }

  capture(record: SubscriptionRecord, invoice: Invoice): Payment {
    const payment = this.newPayment(record, invoice.amount, invoice);
    const fee = Math.round(payment.amount * 0.0236);
    Object.assign(payment, { status: 'captured', captured: true, fee, tax: Math.round((fee * 18) / 118) });
    Object.assign(invoice, { status: 'paid', payment_id: payment.id, paid_at: payment.created_at, amount_paid: invoice.amount, amount_due: 0 });
    return this.remember(record, payment);
  }

  fail(record: SubscriptionRecord, invoice: Invoice): Payment {
    return this.remember(record, Object.assign(this.newPayment(record, invoice.amount, invoice), DECLINED));
  }

  /** The authentication transaction of a subscription that starts later: ₹5, refunded at once. */
  authenticate(record: SubscriptionRecord): Payment {
    const payment = this.newPayment(record, AUTHENTICATION_AMOUNT, null);
    Object.assign(payment, { status: 'refunded', captured: true, amount_refunded: AUTHENTICATION_AMOUNT, refund_status: 'full', description: 'Subscription authentication' });
    return this.remember(record, payment);
  }

  /** A payment that is not stored, for events sent out of sequence before any such payment exists. */
  preview(record: SubscriptionRecord, status: 'captured' | 'failed'): Payment {
    const plan = this.store.plans.get(record.entity.plan_id);
    const payment = this.newPayment(record, (plan?.item.amount ?? 0) * record.entity.quantity, null);
    return Object.assign(payment, status === 'captured' ? { status, captured: true } : DECLINED);
  }

  private remember(record: SubscriptionRecord, payment: Payment): Payment {
    this.store.payments.set(payment.id, payment);
    record.lastPaymentId = payment.id;
    return payment;
  }

  private customerOf(record: SubscriptionRecord): Customer | undefined {
    return record.entity.customer_id ? this.store.customers.get(record.entity.customer_id) : undefined;
  }

  private newPayment(record: SubscriptionRecord, amount: number, invoice: Invoice | null): Payment {
    const customer = this.customerOf(record);
    const cardId = newId('card');
    return {
      id: newId('pay'),
      entity: 'payment',
      amount,
      currency: this.store.plans.get(record.entity.plan_id)?.item.currency ?? 'INR',
      status: 'failed',
      order_id: invoice?.order_id ?? newId('order'),
      invoice_id: invoice?.id ?? null,
      international: false,
      method: 'card',
      amount_refunded: 0,
      amount_transferred: 0,
      refund_status: null,
      captured: false,
      description: record.entity.paid_count > 0 ? 'Recurring Payment via Subscription' : null,
      card_id: cardId,
      card: { id: cardId, entity: 'card', ...SANDBOX_CARD, type: 'credit', international: false, emi: false, expiry_month: 12, expiry_year: new Date().getUTCFullYear() + 5 },
      bank: null,
      wallet: null,
      vpa: null,
      email: customer?.email ?? null,
      contact: customer?.contact ?? null,
      customer_id: customer?.id ?? null,
      token_id: newId('token'),
      notes: {},
      fee: null,
      tax: null,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      acquirer_data: { auth_code: String(100000 + Math.floor(Math.random() * 900000)) },
      created_at: nowSeconds(),
    };
  }

  private newInvoice(record: SubscriptionRecord): Invoice {
    const sub = record.entity;
    const plan = this.store.plans.get(sub.plan_id);
    const currency = plan?.item.currency ?? 'INR';
    const lines: InvoiceLineItem[] = [line(plan?.item.name ?? 'Plan', plan?.item.id ?? null, plan?.item.amount ?? 0, sub.quantity, currency, 'plan')];
    if (sub.paid_count === 0) for (const addon of record.addons) lines.push(line(addon.name, null, addon.amount, 1, currency, 'addon'));
    const amount = lines.reduce((sum, item) => sum + item.amount, 0);
    const customer = this.customerOf(record);
    const now = nowSeconds();
    return {
      id: newId('inv'),
      entity: 'invoice',
      receipt: null,
      invoice_number: null,
      customer_id: customer?.id ?? null,
      customer_details: {
        id: customer?.id ?? null,
        name: customer?.name ?? null,
        email: customer?.email ?? null,
        contact: customer?.contact ?? null,
        gstin: customer?.gstin ?? null,
        billing_address: null,
        shipping_address: null,
        customer_name: customer?.name ?? null,
        customer_email: customer?.email ?? null,
        customer_contact: customer?.contact ?? null,
      },
      order_id: newId('order'),
      subscription_id: sub.id,
      line_items: lines,
      payment_id: null,
      status: 'issued',
      expire_by: null,
      issued_at: now,
      paid_at: null,
      cancelled_at: null,
      expired_at: null,
      sms_status: null,
      email_status: null,
      date: now,
      terms: null,
      partial_payment: false,
      gross_amount: amount,
      tax_amount: 0,
      taxable_amount: amount,
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency,
      currency_symbol: currency === 'INR' ? '₹' : currency,
      description: null,
      notes: {},
      comment: null,
      short_url: this.checkoutUrl(sub.id),
      view_less: true,
      billing_start: sub.current_start,
      billing_end: sub.current_end,
      type: 'invoice',
      group_taxes_discounts: false,
      created_at: now,
      idempotency_key: null,
    };
  }
}

function line(name: string, itemId: string | null, unitAmount: number, quantity: number, currency: string, type: 'plan' | 'addon'): InvoiceLineItem {
  const amount = unitAmount * quantity;
  return {
    id: newId('li'),
    item_id: itemId,
    ref_id: null,
    ref_type: null,
    name,
    description: null,
    amount,
    unit_amount: unitAmount,
    gross_amount: amount,
    tax_amount: 0,
    taxable_amount: amount,
    net_amount: amount,
    currency,
    type,
    tax_inclusive: false,
    hsn_code: null,
    sac_code: null,
    tax_rate: null,
    unit: null,
    quantity,
    taxes: [],
  };
}
