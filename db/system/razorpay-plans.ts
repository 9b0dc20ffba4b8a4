import type { Knex } from 'knex';

/** Razorpay plan ids belong to a Razorpay account, not to a tenant. */
export async function findRazorpayPlanId(system: Knex, planId: string, keyId: string): Promise<string | undefined> {
  const row = await system('razorpay_plans').where({ plan_id: planId, key_id: keyId }).first('razorpay_plan_id');
  return row?.razorpay_plan_id;
}

export async function saveRazorpayPlanId(system: Knex, planId: string, keyId: string, razorpayPlanId: string): Promise<string> {
  await system('razorpay_plans').insert({ plan_id: planId, key_id: keyId, razorpay_plan_id: razorpayPlanId }).onConflict(['plan_id', 'key_id']).merge();
  return (await findRazorpayPlanId(system, planId, keyId))!;
}

/** Webhook routing: which tenant a Razorpay subscription belongs to. */
export async function findTenantByRazorpaySubscription(system: Knex, razorpaySubscriptionId: string): Promise<string | undefined> {
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
