/**
 * When a subscription bought now is first charged. During a trial the remaining days are kept:
 * Razorpay's `start_at` is the trial's end, the checkout only authorises the card, and the first
 * charge happens then. Pure; the activity that creates the subscription and the read that tells the
 * customer beforehand both use it, so what the page says is what Razorpay is asked to do.
 */

/**
 * Below this much trial left the days are not kept: Razorpay expires a subscription whose
 * `start_at` passes before the customer has paid, so the checkout could expire under them.
 */
export const KEEP_TRIAL_MIN_MS = 30_000;

export interface TrialFacts {
  trialActive: boolean;
  trialEndsAt: Date;
}

export interface FirstCharge {
  /** True: the trial runs to its end and billing starts then; false: the customer is charged at checkout. */
  trialKept: boolean;
  firstChargeAt: Date;
}

export function firstCharge(trial: TrialFacts, now: Date): FirstCharge {
  const kept = trial.trialActive && trial.trialEndsAt.getTime() - now.getTime() >= KEEP_TRIAL_MIN_MS;
  return kept ? { trialKept: true, firstChargeAt: trial.trialEndsAt } : { trialKept: false, firstChargeAt: now };
}

/** Razorpay's `start_at`: unix seconds, never before the trial's end. */
export function razorpayStartAt(firstChargeAt: Date): number {
  return Math.ceil(firstChargeAt.getTime() / 1000);
}
