import type { Knex } from 'knex';
import type { TPlan, TPlanId } from '../../domain/billing';
import { subscriptionStatusesWithAccess } from '../../domain/subscription-events';
import { Plan } from '../models/plan';
import { Subscription } from '../models/subscription';

export function toPlan(plan: Plan): TPlan {
  return { id: plan.id, name: plan.name, amount: plan.amount, currency: plan.currency, interval: 'month', limits: plan.limits };
}

export async function listPlans(db: Knex): Promise<TPlan[]> {
  const plans = await Plan.query(db).where({ active: true }).orderBy('sort_order');
  return plans.map(toPlan);
}

/** A tenant's newest subscription row, whatever its status. */
export async function latestSubscription(trx: Knex): Promise<Subscription | undefined> {
  return Subscription.query(trx).orderBy('created_at', 'desc').first();
}

/** Trials get the Growth plan's limits, so a trial shows what the product can do; a subscription in good standing gets its own plan's. */
export const TRIAL_PLAN: TPlanId = 'growth';

export async function effectivePlan(trx: Knex): Promise<Plan> {
  const subscription = await latestSubscription(trx);
  const planId = subscription && subscriptionStatusesWithAccess.includes(subscription.status) ? subscription.planId : TRIAL_PLAN;
  return Plan.query(trx).findById(planId).throwIfNotFound();
}
