import type { Knex } from 'knex';
import type { TPlanId, TPlanLimits } from '../../domain/billing';
import { subscriptionStatusesWithAccess } from '../../domain/subscription-events';
import { latestSubscription } from './subscriptions';

/** A `plans` row: the catalogue, seeded by migration and readable by every tenant. */
export interface PlanRow {
  id: TPlanId;
  name: string;
  amount: number;
  currency: 'INR';
  period: string;
  limits: TPlanLimits;
  active: boolean;
  sort_order: number;
}

/** Only the seeding migration inserts plans (limits as JSON text); the app role may only read them. */
type NewPlanRow = Pick<PlanRow, 'name' | 'amount'> & { id: string; limits: string } & Partial<Pick<PlanRow, 'currency' | 'period' | 'active' | 'sort_order'>>;

declare module 'knex/types/tables' {
  interface Tables {
    plans: Knex.CompositeTableType<PlanRow, NewPlanRow>;
  }
}

export interface Plan {
  id: TPlanId;
  name: string;
  /** Whole rupees a month. */
  amount: number;
  currency: 'INR';
  limits: TPlanLimits;
}

const toPlan = (row: PlanRow): Plan => ({ id: row.id, name: row.name, amount: row.amount, currency: row.currency, limits: row.limits });

export async function listPlans(db: Knex): Promise<Plan[]> {
  return (await db('plans').where({ active: true }).orderBy('sort_order')).map(toPlan);
}

/** A plan the code names (ids come from a zod enum or a stored subscription): a missing one is a bug. */
export async function getPlan(db: Knex, id: TPlanId): Promise<Plan> {
  const row = await db('plans').where({ id }).first();
  if (!row) throw new Error(`plan ${id} does not exist`);
  return toPlan(row);
}

/**
 * Trials get the Growth plan's limits, so a trial shows what the product can do; a subscription in
 * good standing gets its own plan's once charged (`authenticated`, not charged yet, keeps the trial's).
 */
export const TRIAL_PLAN: TPlanId = 'growth';

export async function effectivePlan(trx: Knex): Promise<Plan> {
  const subscription = await latestSubscription(trx);
  const planId = subscription && subscription.status !== 'authenticated' && subscriptionStatusesWithAccess.includes(subscription.status) ? subscription.planId : TRIAL_PLAN;
  return getPlan(trx, planId);
}
