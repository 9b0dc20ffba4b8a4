import type { Knex } from 'knex';
import type { TSubscriptionResponse } from '../../domain/billing';
import { firstCharge } from '../../domain/first-charge';
import { getPlan } from '../../db/billing/plans';
import { latestSubscription, type Subscription } from '../../db/billing/subscriptions';
import { getTenant } from '../../db/tenants/tenants';

/** Still waiting for its first charge: created or authorised with a later `start_at`, nothing paid yet. */
const firstChargeAhead = (s: Subscription) => (s.startsAt && s.paidCount === 0 && (s.status === 'created' || s.status === 'authenticated') ? s.startsAt.toISOString() : null);

export async function getSubscription(trx: Knex, tenantId: string): Promise<TSubscriptionResponse> {
  const charge = firstCharge(await getTenant(trx, tenantId), new Date());
  const checkout = { trialKept: charge.trialKept, firstChargeAt: charge.firstChargeAt.toISOString() };
  const subscription = await latestSubscription(trx);
  if (!subscription)
    return { status: null, plan: null, razorpaySubscriptionId: null, currentPeriodEnd: null, cancelAtCycleEnd: false, graceEndsAt: null, firstChargeAt: null, checkout };
  const plan = await getPlan(trx, subscription.planId);
  return {
    status: subscription.status,
    plan: { id: plan.id, name: plan.name, amount: plan.amount, currency: plan.currency },
    razorpaySubscriptionId: subscription.razorpaySubscriptionId,
    currentPeriodEnd: subscription.currentPeriodEnd?.toISOString() ?? null,
    cancelAtCycleEnd: subscription.cancelAtCycleEnd,
    graceEndsAt: subscription.graceEndsAt?.toISOString() ?? null,
    firstChargeAt: firstChargeAhead(subscription),
    checkout,
  };
}
