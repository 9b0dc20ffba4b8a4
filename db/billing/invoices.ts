import type { Knex } from 'knex';

/** An `invoices` row: one per paid Razorpay invoice. `amount` is numeric(12,2), read as a string. */
export interface InvoiceRow {
  id: string;
  tenant_id: string;
  subscription_id: string | null;
  razorpay_invoice_id: string;
  razorpay_payment_id: string | null;
  amount: string;
  currency: string;
  status: string;
  period_start: Date | null;
  period_end: Date | null;
  created_at: Date;
}

type NewInvoiceRow = Omit<InvoiceRow, 'id' | 'created_at' | 'amount'> & { amount: number };

declare module 'knex/types/tables' {
  interface Tables {
    invoices: Knex.CompositeTableType<InvoiceRow, NewInvoiceRow>;
  }
}

export interface Invoice {
  id: string;
  subscriptionId: string | null;
  razorpayInvoiceId: string;
  razorpayPaymentId: string | null;
  /** Rupees. */
  amount: number;
  currency: string;
  status: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  createdAt: Date;
}

const toInvoice = (row: InvoiceRow): Invoice => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  razorpayInvoiceId: row.razorpay_invoice_id,
  razorpayPaymentId: row.razorpay_payment_id,
  amount: Number(row.amount),
  currency: row.currency,
  status: row.status,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  createdAt: row.created_at,
});

/** Newest first. */
export async function listInvoices(trx: Knex, limit: number): Promise<Invoice[]> {
  return (await trx('invoices').orderBy('created_at', 'desc').limit(limit)).map(toInvoice);
}

export type NewInvoice = Omit<Invoice, 'id' | 'createdAt'> & { tenantId: string };

/** Once per Razorpay invoice id: a redelivered charge adds nothing. */
export async function insertPaidInvoice(trx: Knex, invoice: NewInvoice): Promise<void> {
  await trx('invoices')
    .insert({
      tenant_id: invoice.tenantId,
      subscription_id: invoice.subscriptionId,
      razorpay_invoice_id: invoice.razorpayInvoiceId,
      razorpay_payment_id: invoice.razorpayPaymentId,
      amount: invoice.amount,
      currency: invoice.currency,
      status: invoice.status,
      period_start: invoice.periodStart,
      period_end: invoice.periodEnd,
    })
    .onConflict('razorpay_invoice_id')
    .ignore();
}
