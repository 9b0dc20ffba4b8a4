import type { TAccess } from '@domain/auth';
import type { TSubscriptionResponse } from '@domain/billing';
import { checkoutUrlFor } from './billing-errors';
import { formatMoney } from '../../lib/format';
import { canManage, canSubscribe, checkoutTimingText, describeStatus } from './subscription-text';

const none: TSubscriptionResponse = {
  status: null,
  plan: null,
  razorpaySubscriptionId: null,
  currentPeriodEnd: null,
  cancelAtCycleEnd: false,
  graceEndsAt: null,
  firstChargeAt: null,
  checkout: { trialKept: false, firstChargeAt: '2026-12-03T10:00:00.000Z' },
};
const growth = { id: 'growth' as const, name: 'Growth', amount: 2499, currency: 'INR' };
const blocked: TAccess = { trialActive: false, trialDaysLeft: 0, subscriptionStatus: null, blocked: true };
const trial: TAccess = { trialActive: true, trialDaysLeft: 5, subscriptionStatus: null, blocked: false };

describe('describeStatus', () => {
  it('tells a trial from a blocked workspace before any subscription', () => {
    expect(describeStatus(none, trial).label).toBe('Free trial');
    expect(describeStatus(none, blocked)).toMatchObject({ label: 'No plan', tone: 'red' });
  });

  it('names the date a cancelled-at-cycle-end plan ends, and the grace deadline', () => {
    const ending = describeStatus({ ...none, status: 'active', plan: growth, currentPeriodEnd: '2026-12-22T10:00:00Z', cancelAtCycleEnd: true }, blocked);
    expect(ending.explanation).toContain('ends on 22 Dec 2026');
    const grace = describeStatus({ ...none, status: 'grace', plan: growth, graceEndsAt: '2026-12-01T10:00:00Z' }, blocked);
    expect(grace.explanation).toBe('Payment failed — update your payment method before 1 Dec 2026 to keep your workspace open.');
    expect(describeStatus({ ...none, status: 'suspended', plan: growth }, blocked).explanation).toMatch(/blocked/);
  });

  it('offers checkout only when nothing is paid for', () => {
    for (const status of ['active', 'pending', 'grace'] as const) {
      expect(canManage({ ...none, status })).toBe(true);
      expect(canSubscribe({ ...none, status })).toBe(false);
    }
    expect(canSubscribe({ ...none, status: 'authenticated' })).toBe(false);
    for (const status of [null, 'created', 'suspended', 'cancelled', 'expired'] as const) expect(canSubscribe({ ...none, status })).toBe(true);
  });
});

it('formats rupees in major units with Indian grouping', () => {
  expect(formatMoney(2499)).toBe('₹2,499');
  expect(formatMoney(100000)).toBe('₹1,00,000');
});

it('appends the return address to the hosted checkout link, keeping its own query', () => {
  const url = new URL(checkoutUrlFor('https://rzp.io/i/abc?x=1', 'https://app.example.com'));
  expect(url.searchParams.get('x')).toBe('1');
  expect(url.searchParams.get('redirect')).toBe('https://app.example.com/app/billing?checkout=done');
});

describe('trial days kept (issue 11 item 4)', () => {
  const kept = { trialKept: true, firstChargeAt: '2026-12-17T09:30:00.000Z' };
  it('says before paying whether the trial is kept or the charge is today', () => {
    expect(checkoutTimingText(kept).title).toBe('Your trial continues until 17 Dec 2026; your first charge is on 17 Dec 2026.');
    expect(checkoutTimingText(kept).detail).toMatch(/Nothing is charged today/);
    expect(checkoutTimingText({ trialKept: false, firstChargeAt: '2026-12-03T10:00:00.000Z' }).title).toBe("You'll be charged today.");
  });

  it('an authorised subscription names its start; a cancel during the trial says the trial goes on', () => {
    const authorised = describeStatus({ ...none, status: 'authenticated', plan: growth, firstChargeAt: kept.firstChargeAt }, trial);
    expect(authorised.explanation).toBe(
      'The Growth plan starts on 17 Dec 2026, when Razorpay takes the first payment. Nothing has been charged yet and your free trial continues until then.',
    );
    expect(describeStatus({ ...none, status: 'cancelled', plan: growth }, trial).explanation).toMatch(/free trial continues/);
    expect(describeStatus({ ...none, status: 'cancelled', plan: growth }, blocked).explanation).toBe('The subscription was cancelled. Choose a plan to subscribe again.');
  });
});
