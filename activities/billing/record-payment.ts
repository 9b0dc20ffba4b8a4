import type { RazorpayEventSignal } from '../../domain/subscription-events';
import type { Database } from '../../db/connection';
import { insertPaidInvoice } from '../../db/billing/invoices';
import { upsertPayment } from '../../db/billing/payments';
import { findSubscriptionByRazorpayId } from '../../db/billing/subscriptions';
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
    const subscription = input.razorpaySubscriptionId ? await findSubscriptionByRazorpayId(trx, input.razorpaySubscriptionId) : undefined;
    const amount = payment.amountMinor / 100;
    await upsertPayment(trx, {
      tenantId: input.tenantId,
      subscriptionId: subscription?.id ?? null,
      razorpayPaymentId: payment.id,
      razorpayInvoiceId: payment.invoiceId,
      amount,
      currency: payment.currency,
      status: payment.status,
      method: payment.method,
      errorCode: payment.errorCode,
      errorDescription: payment.errorDescription,
      paidAt: payment.status === 'captured' ? new Date(payment.createdAt * 1000) : null,
    });
    if (input.charged && payment.status === 'captured' && payment.invoiceId) {
      await insertPaidInvoice(trx, {
        tenantId: input.tenantId,
        subscriptionId: subscription?.id ?? null,
        razorpayInvoiceId: payment.invoiceId,
        razorpayPaymentId: payment.id,
        amount,
        currency: payment.currency,
        status: 'paid',
        periodStart: input.periodStart ? new Date(input.periodStart * 1000) : null,
        periodEnd: input.periodEnd ? new Date(input.periodEnd * 1000) : null,
      });
    }
  });
}
