import { aiOnDuty, isWithinBusinessHours } from './business-hours';

const hours = { timezone: 'Asia/Kolkata', days: { mon: { open: '09:00', close: '18:00' }, sat: { open: '10:00', close: '14:00' } } };

describe('business hours', () => {
  it('reads the wall clock of the business time zone', () => {
    // Monday 2026-11-23 03:30 UTC is 09:00 in Kolkata (UTC+5:30): just open.
    expect(isWithinBusinessHours(hours, new Date('2026-11-23T03:30:00Z'))).toBe(true);
    expect(isWithinBusinessHours(hours, new Date('2026-11-23T03:29:00Z'))).toBe(false);
    // 18:00 local closes.
    expect(isWithinBusinessHours(hours, new Date('2026-11-23T12:30:00Z'))).toBe(false);
    expect(isWithinBusinessHours(hours, new Date('2026-11-23T12:29:00Z'))).toBe(true);
  });

  it('treats days without hours as closed', () => {
    // Tuesday noon local.
    expect(isWithinBusinessHours(hours, new Date('2026-11-24T06:30:00Z'))).toBe(false);
    // Saturday 11:00 local.
    expect(isWithinBusinessHours(hours, new Date('2026-11-28T05:30:00Z'))).toBe(true);
  });

  it('puts the AI on duty always, within or outside the hours', () => {
    const mondayNoon = new Date('2026-11-23T06:30:00Z');
    const sundayNoon = new Date('2026-11-29T06:30:00Z');
    expect(aiOnDuty({ activeHours: 'always', businessHours: hours }, sundayNoon)).toBe(true);
    expect(aiOnDuty({ activeHours: 'within_business_hours', businessHours: hours }, mondayNoon)).toBe(true);
    expect(aiOnDuty({ activeHours: 'within_business_hours', businessHours: hours }, sundayNoon)).toBe(false);
    expect(aiOnDuty({ activeHours: 'outside_business_hours', businessHours: hours }, mondayNoon)).toBe(false);
    expect(aiOnDuty({ activeHours: 'outside_business_hours', businessHours: hours }, sundayNoon)).toBe(true);
  });
});
