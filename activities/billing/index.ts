import type { TPlanId } from '../../domain/billing';
import { updateSubscriptionByRazorpayId } from '../../db/billing/subscriptions';
import { withTenant } from '../../db/tenant-transaction';
import { callRazorpay } from '../../integrations/razorpay/errors';
import { applySubscriptionStatus, type SubscriptionStatusRecord } from './apply-subscription-status';
import type { BillingDeps } from './billing-deps';
import { createRazorpaySubscription } from './create-razorpay-subscription';
import { ensureRazorpayPlan } from './ensure-razorpay-plan';
import { recordPayment } from './record-payment';

export type { BillingDeps } from './billing-deps';

/** The writes and Razorpay calls the subscription workflow owns. */
export function createBillingActivities(deps: BillingDeps) {
  return {
    createRazorpaySubscription: (input: { tenantId: string; planId: TPlanId; subscriptionId: string }) => createRazorpaySubscription(deps, input),
    recordPayment: (input: Parameters<typeof recordPayment>[1]) => recordPayment(deps.db, input),
    applySubscriptionStatus: (record: SubscriptionStatusRecord) => applySubscriptionStatus(deps, record),

    async cancelRazorpaySubscription(input: { tenantId: string; razorpaySubscriptionId: string; atCycleEnd: boolean }): Promise<void> {
      await callRazorpay('cancel subscription', () => deps.razorpay.subscriptions.cancel(input.razorpaySubscriptionId, input.atCycleEnd));
      await withTenant(deps.db.app, input.tenantId, (trx) => updateSubscriptionByRazorpayId(trx, input.razorpaySubscriptionId, { cancelAtCycleEnd: input.atCycleEnd }));
    },

    async changeRazorpayPlan(input: { tenantId: string; razorpaySubscriptionId: string; planId: TPlanId }): Promise<void> {
      const planIdAtRazorpay = await ensureRazorpayPlan(deps, input.planId);
      await callRazorpay('change plan', () => deps.razorpay.subscriptions.update(input.razorpaySubscriptionId, { plan_id: planIdAtRazorpay, schedule_change_at: 'now' }));
      await withTenant(deps.db.app, input.tenantId, (trx) => updateSubscriptionByRazorpayId(trx, input.razorpaySubscriptionId, { planId: input.planId }));
    },
  };
}

export type BillingActivities = ReturnType<typeof createBillingActivities>;
