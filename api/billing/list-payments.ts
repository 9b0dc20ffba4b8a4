import type { Knex } from 'knex';
import type { TPayment } from '../../domain/billing';

/** Newest first; a workspace has at most a few payments a month, so one capped page serves the UI. */
export async function listPayments(trx: Knex, limit: number): Promise<TPayment[]> {
  const rows = await trx('payments').orderBy('created_at', 'desc').limit(limit);
  return rows.map((r) => ({
    id: r.id,
    amount: Number(r.amount),
    currency: r.currency,
    status: r.status,
    razorpayPaymentId: r.razorpay_payment_id,
    razorpayInvoiceId: r.razorpay_invoice_id,
    errorDescription: r.error_description,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function listInvoices(trx: Knex, limit: number) {
  const rows = await trx('invoices').orderBy('created_at', 'desc').limit(limit);
  return rows.map((r) => ({
    id: r.id as string,
    razorpayInvoiceId: r.razorpay_invoice_id as string,
    amount: Number(r.amount),
    currency: r.currency as string,
    status: r.status as string,
    periodStart: r.period_start?.toISOString() ?? null,
    periodEnd: r.period_end?.toISOString() ?? null,
    createdAt: (r.created_at as Date).toISOString(),
  }));
}
