import { KEEP_TRIAL_MIN_MS, firstCharge, razorpayStartAt } from './first-charge';

const now = new Date('2026-12-03T12:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('first charge of a subscription bought now', () => {
  it('keeps a running trial: the first charge is at its end', () => {
    const trialEndsAt = later(5 * 86_400_000);
    expect(firstCharge({ trialActive: true, trialEndsAt }, now)).toEqual({ trialKept: true, firstChargeAt: trialEndsAt });
  });

  it('charges today when the trial is over, flagged over, or about to end', () => {
    expect(firstCharge({ trialActive: true, trialEndsAt: later(-1) }, now)).toEqual({ trialKept: false, firstChargeAt: now });
    expect(firstCharge({ trialActive: false, trialEndsAt: later(86_400_000) }, now)).toEqual({ trialKept: false, firstChargeAt: now });
    expect(firstCharge({ trialActive: true, trialEndsAt: later(KEEP_TRIAL_MIN_MS - 1) }, now).trialKept).toBe(false);
    expect(firstCharge({ trialActive: true, trialEndsAt: later(KEEP_TRIAL_MIN_MS) }, now).trialKept).toBe(true);
  });

  it('sends Razorpay unix seconds, rounded up so billing never starts before the trial ends', () => {
    expect(razorpayStartAt(new Date('2026-12-08T12:00:00.000Z'))).toBe(1796731200);
    expect(razorpayStartAt(new Date('2026-12-08T12:00:00.001Z'))).toBe(1796731201);
  });
});
