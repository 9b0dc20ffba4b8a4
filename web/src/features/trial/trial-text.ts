import type { TAccess } from '@domain/auth';

/** Subscriptions that already pay (or are about to): no trial nagging. */
const PAYING = new Set(['active', 'authenticated']);

/** Authorised during the trial, charged from its end: say when the plan starts instead of nagging. */
export function showsPlanStartBanner(access: TAccess): boolean {
  return !access.blocked && access.subscriptionStatus === 'authenticated';
}

export function showsTrialBanner(access: TAccess): boolean {
  return access.blocked || (access.trialActive && !PAYING.has(access.subscriptionStatus ?? ''));
}

export function trialEndsPhrase(daysLeft: number): string {
  if (daysLeft <= 0) return 'today';
  if (daysLeft === 1) return 'in 1 day';
  return `in ${daysLeft} days`;
}
