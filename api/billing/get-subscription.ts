import type { TSubscriptionResponse } from '../../domain/billing';
import { getPlan } from '../../db/billing/plans';
import { latestSubscription } from '../../db/billing/subscriptions';
import type { Knex } from 'knex';

export async function getSubscription(trx: Knex): Promise<TSubscriptionResponse> {
  const subscription = await latestSubscription(trx);
  if (!subscription) return { status: null, plan: null, razorpaySubscriptionId: null, currentPeriodEnd: null, cancelAtCycleEnd: false, graceEndsAt: null };
  const plan = await getPlan(trx, subscription.planId);
  return {
    status: subscription.status,
    plan: { id: plan.id, name: plan.name, amount: plan.amount, currency: plan.currency },
    razorpaySubscriptionId: subscription.razorpaySubscriptionId,
    currentPeriodEnd: subscription.currentPeriodEnd?.toISOString() ?? null,
    cancelAtCycleEnd: subscription.cancelAtCycleEnd,
    graceEndsAt: subscription.graceEndsAt?.toISOString() ?? null,
  };
}
