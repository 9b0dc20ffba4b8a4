export type Period = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export const PERIODS: readonly Period[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Adds `count` billing cycles to a unix-seconds timestamp, on the UTC calendar for month-based periods. */
export function addCycles(from: number, period: Period, interval: number, count = 1): number {
  const date = new Date(from * 1000);
  const steps = interval * count;
  if (period === 'daily') date.setUTCDate(date.getUTCDate() + steps);
  else if (period === 'weekly') date.setUTCDate(date.getUTCDate() + 7 * steps);
  else if (period === 'monthly') date.setUTCMonth(date.getUTCMonth() + steps);
  else if (period === 'quarterly') date.setUTCMonth(date.getUTCMonth() + 3 * steps);
  else date.setUTCFullYear(date.getUTCFullYear() + steps);
  return Math.floor(date.getTime() / 1000);
}
