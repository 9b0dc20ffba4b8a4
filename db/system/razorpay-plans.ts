import type { Knex } from 'knex';
import type { TPlanId } from '../../domain/billing';
import type { SubscriptionRow } from '../billing/subscriptions';

/** A `razorpay_plans` row: our plan's id at one Razorpay account (keyed by its API key id). */
export interface RazorpayPlanRow {
  plan_id: TPlanId;
  key_id: string;
  razorpay_plan_id: string;
}

/** A `razorpay_events` row: a webhook event id accepted once, across API nodes. */
export interface RazorpayEventRow {
  event_id: string;
  event: string;
  tenant_id: string | null;
  received_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    razorpay_plans: RazorpayPlanRow;
    razorpay_events: Knex.CompositeTableType<RazorpayEventRow, Omit<RazorpayEventRow, 'received_at'>>;
  }
}

/** Razorpay plan ids belong to a Razorpay account, not to a tenant. */
export async function findRazorpayPlanId(system: Knex, planId: TPlanId, keyId: string): Promise<string | undefined> {
  const row = await system('razorpay_plans').where({ plan_id: planId, key_id: keyId }).first('razorpay_plan_id');
  return row?.razorpay_plan_id;
}

export async function saveRazorpayPlanId(system: Knex, planId: TPlanId, keyId: string, razorpayPlanId: string): Promise<string> {
  await system('razorpay_plans').insert({ plan_id: planId, key_id: keyId, razorpay_plan_id: razorpayPlanId }).onConflict(['plan_id', 'key_id']).merge();
  return (await findRazorpayPlanId(system, planId, keyId))!;
}

/** Webhook routing: which tenant a Razorpay subscription belongs to. */
export async function findTenantByRazorpaySubscription(system: Knex, razorpaySubscriptionId: string): Promise<SubscriptionRow['tenant_id'] | undefined> {
  const row = await system('subscriptions').where({ razorpay_subscription_id: razorpaySubscriptionId }).first('tenant_id');
  return row?.tenant_id;
}

/** Returns false when this event id was already accepted (Razorpay delivers at least once). */
export async function recordRazorpayEvent(system: Knex, eventId: string, event: string, tenantId: string | null): Promise<boolean> {
  const rows = await system('razorpay_events').insert({ event_id: eventId, event, tenant_id: tenantId }).onConflict('event_id').ignore().returning('event_id');
  return rows.length > 0;
}

export async function razorpayEventSeen(system: Knex, eventId: string): Promise<boolean> {
  return Boolean(await system('razorpay_events').where({ event_id: eventId }).first('event_id'));
}
