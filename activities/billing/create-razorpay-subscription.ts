import type { TCreateSubscriptionResponse, TPlanId } from '../../domain/billing';
import { firstCharge, razorpayStartAt } from '../../domain/first-charge';
import { getTenant } from '../../db/tenants/tenants';
import { findBillingAdmin } from '../../db/users/user-lists';
import { findSubscription, insertSubscription, type Subscription } from '../../db/billing/subscriptions';
import { withTenant } from '../../db/tenant-transaction';
import { callRazorpay } from '../../integrations/razorpay/errors';
import type { BillingDeps } from './billing-deps';
import { ensureRazorpayPlan } from './ensure-razorpay-plan';

/** How many monthly cycles a subscription is authorised for (Razorpay requires a count): ten years. */
const TOTAL_COUNT = 120;

/**
 * Creates the Razorpay customer and subscription and records it as `created`. During a trial the
 * subscription starts at the trial's end (`start_at`): the checkout only authorises the card, so the
 * remaining trial days are kept and the first charge is then. A retry after the row
 * exists returns it unchanged; a retry between Razorpay's answer and the insert leaves an unused
 * `created` subscription at Razorpay, which it expires by itself.
 */
export async function createRazorpaySubscription(deps: BillingDeps, input: { tenantId: string; planId: TPlanId; subscriptionId: string }): Promise<TCreateSubscriptionResponse> {
  const { db, razorpay, razorpayConfig } = deps;
  const existing = await withTenant(db.app, input.tenantId, (trx) => findSubscription(trx, input.subscriptionId));
  if (existing) return checkout(existing, razorpayConfig.keyId);

  const admin = await withTenant(db.app, input.tenantId, findBillingAdmin);
  if (!admin) throw new Error('the workspace has no active admin to bill');
  const tenant = await withTenant(db.app, input.tenantId, (trx) => getTenant(trx, input.tenantId));
  const charge = firstCharge(tenant, new Date());
  const razorpayPlanId = await ensureRazorpayPlan(deps, input.planId);
  const customer = await callRazorpay('create customer', () =>
    razorpay.customers.create({
      name: admin.name,
      email: admin.email,
      contact: admin.legacyPhone ?? undefined,
      fail_existing: '0' as unknown as 0,
      notes: { tenant_id: input.tenantId },
    }),
  );
  const subscription = await callRazorpay('create subscription', () =>
    razorpay.subscriptions.create({
      plan_id: razorpayPlanId,
      total_count: TOTAL_COUNT,
      quantity: 1,
      customer_notify: 1,
      ...(charge.trialKept ? { start_at: razorpayStartAt(charge.firstChargeAt) } : {}),
      notes: { tenant_id: input.tenantId, subscription_id: input.subscriptionId },
    }),
  );
  const row = await withTenant(db.app, input.tenantId, (trx) =>
    insertSubscription(trx, {
      id: input.subscriptionId,
      tenantId: input.tenantId,
      planId: input.planId,
      status: 'created',
      razorpaySubscriptionId: subscription.id,
      razorpayCustomerId: customer.id,
      shortUrl: subscription.short_url ?? null,
      startsAt: charge.trialKept ? new Date(razorpayStartAt(charge.firstChargeAt) * 1000) : null,
    }),
  );
  return checkout(row, razorpayConfig.keyId);
}

function checkout(row: Subscription, keyId: string): TCreateSubscriptionResponse {
  return {
    subscriptionId: row.id,
    razorpaySubscriptionId: row.razorpaySubscriptionId,
    shortUrl: row.shortUrl ?? '',
    keyId,
    trialKept: row.startsAt !== null,
    firstChargeAt: (row.startsAt ?? row.createdAt).toISOString(),
  };
}
