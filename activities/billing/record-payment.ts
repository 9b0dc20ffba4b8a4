import type { RazorpayEventSignal } from '../../domain/subscription-events';
import type { Database } from '../../db/connection';
import { Subscription } from '../../db/models/subscription';
import { withTenant } from '../../db/tenant-transaction';

type PaymentFacts = NonNullable<RazorpayEventSignal['payment']>;

/**
 * Records a payment (and, for a charge, its invoice) once per Razorpay id. A captured payment is
 * final: a late `payment.failed` for the same id never overwrites it.
 */
export async function recordPayment(
  db: Database,
  input: { tenantId: string; razorpaySubscriptionId: string | null; payment: PaymentFacts; charged: boolean; periodStart: number | null; periodEnd: number | null },
): Promise<void> {
  const { payment } = input;
  await withTenant(db.app, input.tenantId, async (trx) => {
    const subscription = input.razorpaySubscriptionId
      ? await Subscription.query(trx).where({ razorpay_subscription_id: input.razorpaySubscriptionId }).first()
      : undefined;
    const amount = payment.amountMinor / 100;
    await trx.raw(
      `insert into payments (tenant_id, subscription_id, razorpay_payment_id, razorpay_invoice_id, amount, currency, status, method, error_code, error_description, paid_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (razorpay_payment_id) do update set
         status = excluded.status, error_code = excluded.error_code, error_description = excluded.error_description,
         paid_at = coalesce(payments.paid_at, excluded.paid_at), updated_at = now()
       where payments.status <> 'captured'`,
      [
        input.tenantId,
        subscription?.id ?? null,
        payment.id,
        payment.invoiceId,
        amount,
        payment.currency,
        payment.status,
        payment.method,
        payment.errorCode,
        payment.errorDescription,
        payment.status === 'captured' ? new Date(payment.createdAt * 1000) : null,
      ],
    );
    if (input.charged && payment.status === 'captured' && payment.invoiceId) {
      await trx('invoices')
        .insert({
          tenant_id: input.tenantId,
          subscription_id: subscription?.id ?? null,
          razorpay_invoice_id: payment.invoiceId,
          razorpay_payment_id: payment.id,
          amount,
          currency: payment.currency,
          status: 'paid',
          period_start: input.periodStart ? new Date(input.periodStart * 1000) : null,
          period_end: input.periodEnd ? new Date(input.periodEnd * 1000) : null,
        })
        .onConflict('razorpay_invoice_id')
        .ignore();
    }
  });
}
