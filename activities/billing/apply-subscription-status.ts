import type { TPlanId, TSubscriptionStatus } from '../../domain/billing';
import { setTenantSubscriptionStatus } from '../../db/tenants/tenants';
import { updateSubscriptionByRazorpayId } from '../../db/billing/subscriptions';
import { withTenant } from '../../db/tenant-transaction';
import { publishEvent } from '../../infra/realtime/publish-event';
import type { BillingDeps } from './billing-deps';

export interface SubscriptionStatusRecord {
  tenantId: string;
  subscriptionId: string | null;
  razorpaySubscriptionId: string | null;
  planId: TPlanId | null;
  status: TSubscriptionStatus;
  cancelAtCycleEnd: boolean;
  graceEndsAt: number | null;
  currentStart?: number | null;
  currentEnd?: number | null;
  paidCount?: number | null;
}

const fromUnix = (s: number | null | undefined) => (s ? new Date(s * 1000) : undefined);

/**
 * Writes the workflow's decided status to the subscription row and the tenant's access flag, then
 * tells the workspace's open pages (a retried activity publishes twice: readers only re-read).
 */
export async function applySubscriptionStatus({ db, redis }: Pick<BillingDeps, 'db' | 'redis'>, record: SubscriptionStatusRecord): Promise<void> {
  await withTenant(db.app, record.tenantId, async (trx) => {
    if (record.razorpaySubscriptionId) {
      await updateSubscriptionByRazorpayId(trx, record.razorpaySubscriptionId, {
        status: record.status,
        cancelAtCycleEnd: record.cancelAtCycleEnd,
        graceEndsAt: record.graceEndsAt ? new Date(record.graceEndsAt) : null,
        currentPeriodStart: fromUnix(record.currentStart),
        currentPeriodEnd: fromUnix(record.currentEnd),
        paidCount: record.paidCount ?? undefined,
      });
    }
    await setTenantSubscriptionStatus(trx, record.tenantId, record.status);
  });
  await publishEvent(db.system, { tenantId: record.tenantId, event: 'subscription.updated', payload: { status: record.status } }, redis);
}
