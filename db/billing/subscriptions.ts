import type { Knex } from 'knex';
import type { TPlanId, TSubscriptionStatus } from '../../domain/billing';

/** A `subscriptions` row: one per Razorpay subscription a tenant started; the workflow decides its status. */
export interface SubscriptionRow {
  id: string;
  tenant_id: string;
  plan_id: TPlanId;
  status: TSubscriptionStatus;
  razorpay_subscription_id: string;
  razorpay_customer_id: string;
  short_url: string | null;
  current_period_start: Date | null;
  current_period_end: Date | null;
  cancel_at_cycle_end: boolean;
  grace_ends_at: Date | null;
  paid_count: number;
  /** Razorpay's `start_at` when billing starts later (a kept trial's end); null: charged at checkout. */
  starts_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

type NewSubscriptionRow = Pick<SubscriptionRow, 'id' | 'tenant_id' | 'plan_id' | 'status' | 'razorpay_subscription_id' | 'razorpay_customer_id' | 'short_url' | 'starts_at'>;

declare module 'knex/types/tables' {
  interface Tables {
    subscriptions: Knex.CompositeTableType<SubscriptionRow, NewSubscriptionRow, Partial<Omit<SubscriptionRow, 'id' | 'tenant_id' | 'created_at'>>>;
  }
}

export interface Subscription {
  id: string;
  tenantId: string;
  planId: TPlanId;
  status: TSubscriptionStatus;
  razorpaySubscriptionId: string;
  razorpayCustomerId: string;
  shortUrl: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtCycleEnd: boolean;
  graceEndsAt: Date | null;
  paidCount: number;
  startsAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  tenantId: row.tenant_id,
  planId: row.plan_id,
  status: row.status,
  razorpaySubscriptionId: row.razorpay_subscription_id,
  razorpayCustomerId: row.razorpay_customer_id,
  shortUrl: row.short_url,
  currentPeriodStart: row.current_period_start,
  currentPeriodEnd: row.current_period_end,
  cancelAtCycleEnd: row.cancel_at_cycle_end,
  graceEndsAt: row.grace_ends_at,
  paidCount: row.paid_count,
  startsAt: row.starts_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A tenant's newest subscription row, whatever its status. */
export async function latestSubscription(trx: Knex): Promise<Subscription | undefined> {
  const row = await trx('subscriptions').orderBy('created_at', 'desc').first();
  return row && toSubscription(row);
}

export async function findSubscription(trx: Knex, id: string): Promise<Subscription | undefined> {
  const row = await trx('subscriptions').where({ id }).first();
  return row && toSubscription(row);
}

export async function findSubscriptionByRazorpayId(trx: Knex, razorpaySubscriptionId: string): Promise<Subscription | undefined> {
  const row = await trx('subscriptions').where({ razorpay_subscription_id: razorpaySubscriptionId }).first();
  return row && toSubscription(row);
}

export type NewSubscription = Pick<Subscription, 'id' | 'tenantId' | 'planId' | 'status' | 'razorpaySubscriptionId' | 'razorpayCustomerId' | 'shortUrl' | 'startsAt'>;

export async function insertSubscription(trx: Knex, subscription: NewSubscription): Promise<Subscription> {
  const [row] = await trx('subscriptions')
    .insert({
      id: subscription.id,
      tenant_id: subscription.tenantId,
      plan_id: subscription.planId,
      status: subscription.status,
      razorpay_subscription_id: subscription.razorpaySubscriptionId,
      razorpay_customer_id: subscription.razorpayCustomerId,
      short_url: subscription.shortUrl,
      starts_at: subscription.startsAt,
    })
    .returning('*');
  return toSubscription(row);
}

/** The fields the subscription workflow's activities change; omitted ones are left as stored. */
export type SubscriptionChange = Partial<Pick<Subscription, 'planId' | 'status' | 'cancelAtCycleEnd' | 'graceEndsAt' | 'currentPeriodStart' | 'currentPeriodEnd' | 'paidCount'>>;

export async function updateSubscriptionByRazorpayId(trx: Knex, razorpaySubscriptionId: string, change: SubscriptionChange): Promise<void> {
  const columns: Partial<SubscriptionRow> = { updated_at: new Date() };
  if (change.planId !== undefined) columns.plan_id = change.planId;
  if (change.status !== undefined) columns.status = change.status;
  if (change.cancelAtCycleEnd !== undefined) columns.cancel_at_cycle_end = change.cancelAtCycleEnd;
  if (change.graceEndsAt !== undefined) columns.grace_ends_at = change.graceEndsAt;
  if (change.currentPeriodStart !== undefined) columns.current_period_start = change.currentPeriodStart;
  if (change.currentPeriodEnd !== undefined) columns.current_period_end = change.currentPeriodEnd;
  if (change.paidCount !== undefined) columns.paid_count = change.paidCount;
  await trx('subscriptions').where({ razorpay_subscription_id: razorpaySubscriptionId }).update(columns);
}
