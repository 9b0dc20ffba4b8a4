import { subscriptionStatusesWithAccess } from './subscription-events';

/** Trial arithmetic shared by the API (banner, 402 gate) and the trial workflow. Pure; no I/O. */
export const DAY_MS = 86_400_000;

export interface TrialWorkflowInput {
  tenantId: string;
  trialEndsAt: string;
  /** How long before the end each reminder goes out, e.g. 2 days and 1 day. */
  reminderOffsetsMs: number[];
}

/** The `subscriptionMandate` signal: `held` while an authorised subscription waits for the trial's end to charge. */
export interface TrialMandate {
  held: boolean;
}

export interface TrialState {
  phase: 'running' | 'converted' | 'expired';
  trialEndsAt: string;
  remindersSent: number[];
}

/** Whole days left, rounded up, never negative: 6.2 days left shows as 7. */
export function trialDaysLeft(trialEndsAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((trialEndsAt.getTime() - now.getTime()) / DAY_MS));
}

/** The number a reminder quotes: a 2-day offset says "2 days left", a 90-minute offset "1 day left". */
export function reminderDaysLeft(offsetMs: number): number {
  return Math.max(1, Math.round(offsetMs / DAY_MS));
}

export interface TenantAccessFacts {
  status: 'active' | 'suspended';
  trialActive: boolean;
  trialEndsAt: Date;
  subscriptionStatus: string | null;
}

export function tenantAccess(t: TenantAccessFacts, now: Date) {
  const trialActive = t.trialActive && t.trialEndsAt.getTime() > now.getTime();
  const subscribed = (subscriptionStatusesWithAccess as readonly string[]).includes(t.subscriptionStatus ?? '');
  return {
    trialActive,
    trialDaysLeft: trialActive ? trialDaysLeft(t.trialEndsAt, now) : 0,
    subscriptionStatus: t.subscriptionStatus,
    blocked: t.status === 'suspended' || !(trialActive || subscribed),
  };
}
