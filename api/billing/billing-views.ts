import type { TInvoice, TPayment, TPlan } from '../../domain/billing';
import type { Invoice } from '../../db/billing/invoices';
import type { Payment } from '../../db/billing/payments';
import type { Plan } from '../../db/billing/plans';

/** The plan as the pricing page shows it (the only interval sold is a month). */
export const toPlanView = (plan: Plan): TPlan => ({ id: plan.id, name: plan.name, amount: plan.amount, currency: plan.currency, interval: 'month', limits: plan.limits });

export const toPaymentView = (p: Payment): TPayment => ({
  id: p.id,
  amount: p.amount,
  currency: p.currency,
  status: p.status,
  razorpayPaymentId: p.razorpayPaymentId,
  razorpayInvoiceId: p.razorpayInvoiceId,
  errorDescription: p.errorDescription,
  createdAt: p.createdAt.toISOString(),
});

export const toInvoiceView = (i: Invoice): TInvoice => ({
  id: i.id,
  razorpayInvoiceId: i.razorpayInvoiceId,
  amount: i.amount,
  currency: i.currency,
  status: i.status,
  periodStart: i.periodStart?.toISOString() ?? null,
  periodEnd: i.periodEnd?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});
