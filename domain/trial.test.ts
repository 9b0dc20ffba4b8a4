import { tenantAccess, trialDaysLeft } from './trial';

const now = new Date('2026-11-22T12:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);

describe('trial arithmetic', () => {
  it('rounds days left up and never below zero', () => {
    expect(trialDaysLeft(inDays(7), now)).toBe(7);
    expect(trialDaysLeft(inDays(6.2), now)).toBe(7);
    expect(trialDaysLeft(inDays(0.01), now)).toBe(1);
    expect(trialDaysLeft(inDays(-1), now)).toBe(0);
  });

  it('blocks a tenant with neither an active trial nor an active subscription', () => {
    const facts = { status: 'active' as const, trialActive: true, trialEndsAt: inDays(3), subscriptionStatus: null };
    expect(tenantAccess(facts, now).blocked).toBe(false);
    expect(tenantAccess({ ...facts, trialActive: false }, now).blocked).toBe(true);
    expect(tenantAccess({ ...facts, trialEndsAt: inDays(-0.001) }, now).blocked).toBe(true);
    expect(tenantAccess({ ...facts, trialActive: false, subscriptionStatus: 'active' }, now).blocked).toBe(false);
    expect(tenantAccess({ ...facts, trialActive: false, subscriptionStatus: 'grace' }, now).blocked).toBe(false);
    expect(tenantAccess({ ...facts, trialActive: false, subscriptionStatus: 'suspended' }, now).blocked).toBe(true);
    expect(tenantAccess({ ...facts, trialActive: false, subscriptionStatus: 'created' }, now).blocked).toBe(true);
    expect(tenantAccess({ ...facts, status: 'suspended' }, now).blocked).toBe(true);
  });
});
