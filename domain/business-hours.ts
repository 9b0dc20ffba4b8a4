import { weekdays, type TAiSettings, type TBusinessHours } from './ai';

/** Whether `at` falls inside the business hours, read on the wall clock of their time zone. */
export function isWithinBusinessHours(hours: TBusinessHours, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = weekdays.find((d) => d === part('weekday').toLowerCase().slice(0, 3));
  const today = day ? hours.days[day] : undefined;
  if (!today) return false;
  const time = `${part('hour')}:${part('minute')}`;
  return time >= today.open && time < today.close;
}

/** Whether the AI may answer now under the tenant's `activeHours` setting. */
export function aiOnDuty(settings: Pick<TAiSettings, 'activeHours' | 'businessHours'>, at: Date): boolean {
  if (settings.activeHours === 'always' || !settings.businessHours) return true;
  const open = isWithinBusinessHours(settings.businessHours, at);
  return settings.activeHours === 'within_business_hours' ? open : !open;
}
