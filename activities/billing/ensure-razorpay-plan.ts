import type { TPlanId } from '../../domain/billing';
import { getPlan } from '../../db/billing/plans';
import { findRazorpayPlanId, saveRazorpayPlanId } from '../../db/system/razorpay-plans';
import { callRazorpay } from '../../integrations/razorpay/errors';
import type { BillingDeps } from './billing-deps';

/**
 * Our plan's id at Razorpay, creating the Razorpay plan the first time this account needs it — or
 * again when the account no longer has it (a reset sandbox, a switched test account).
 */
export async function ensureRazorpayPlan({ db, razorpay, razorpayConfig }: BillingDeps, planId: TPlanId): Promise<string> {
  const known = await findRazorpayPlanId(db.system, planId, razorpayConfig.keyId);
  if (known && (await stillExists(razorpay, known))) return known;
  const plan = await getPlan(db.app, planId);
  const created = await callRazorpay('create plan', () =>
    razorpay.plans.create({
      period: 'monthly',
      interval: 1,
      item: { name: `Aerostic ${plan.name}`, amount: plan.amount * 100, currency: plan.currency, description: `Aerostic ${plan.name}, monthly` },
      notes: { aerostic_plan: plan.id },
    }),
  );
  return saveRazorpayPlanId(db.system, plan.id, razorpayConfig.keyId, created.id);
}

async function stillExists(razorpay: BillingDeps['razorpay'], razorpayPlanId: string): Promise<boolean> {
  try {
    await razorpay.plans.fetch(razorpayPlanId);
    return true;
  } catch (err) {
    const statusCode = (err as { statusCode?: number }).statusCode;
    if (statusCode === 400 || statusCode === 404) return false;
    return callRazorpay('fetch plan', () => Promise.reject(err));
  }
}
