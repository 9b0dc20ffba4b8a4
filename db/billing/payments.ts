import type { Knex } from 'knex';

/** A `payments` row: one per Razorpay payment id, captured ones final. `amount` is numeric(12,2), read as a string. */
export interface PaymentRow {
  id: string;
  tenant_id: string;
  subscription_id: string | null;
  razorpay_payment_id: string;
  razorpay_invoice_id: string | null;
  amount: string;
  currency: string;
  status: string;
  method: string | null;
  error_code: string | null;
  error_description: string | null;
  paid_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    payments: PaymentRow;
  }
}

export interface Payment {
  id: string;
  subscriptionId: string | null;
  razorpayPaymentId: string;
  razorpayInvoiceId: string | null;
  /** Rupees. */
  amount: number;
  currency: string;
  status: string;
  method: string | null;
  errorCode: string | null;
  errorDescription: string | null;
  paidAt: Date | null;
  createdAt: Date;
}

const toPayment = (row: PaymentRow): Payment => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  razorpayPaymentId: row.razorpay_payment_id,
  razorpayInvoiceId: row.razorpay_invoice_id,
  amount: Number(row.amount),
  currency: row.currency,
  status: row.status,
  method: row.method,
  errorCode: row.error_code,
  errorDescription: row.error_description,
  paidAt: row.paid_at,
  createdAt: row.created_at,
});

/** Newest first. */
export async function listPayments(trx: Knex, limit: number): Promise<Payment[]> {
  return (await trx('payments').orderBy('created_at', 'desc').limit(limit)).map(toPayment);
}

/** A payment as Razorpay reported it, before it has a row. */
export type PaymentRecord = Omit<Payment, 'id' | 'createdAt'> & { tenantId: string };

/**
 * Records a payment once per Razorpay id. A captured payment is final: a late event for the same id
 * (a `payment.failed` after the capture) never overwrites it.
 */
export async function upsertPayment(trx: Knex, p: PaymentRecord): Promise<void> {
  await trx.raw(
    `insert into payments (tenant_id, subscription_id, razorpay_payment_id, razorpay_invoice_id, amount, currency, status, method, error_code, error_description, paid_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (razorpay_payment_id) do update set
       status = excluded.status, error_code = excluded.error_code, error_description = excluded.error_description,
       paid_at = coalesce(payments.paid_at, excluded.paid_at), updated_at = now()
     where payments.status <> 'captured'`,
    [p.tenantId, p.subscriptionId, p.razorpayPaymentId, p.razorpayInvoiceId, p.amount, p.currency, p.status, p.method, p.errorCode, p.errorDescription, p.paidAt],
  );
}
