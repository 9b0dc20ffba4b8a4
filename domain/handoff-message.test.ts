import { handoffMessageProblems, handoffNotice } from './handoff-message';

const hours = { timezone: 'UTC', days: { mon: { open: '09:00', close: '18:00' } } };
const mondayNoon = new Date('2026-11-30T12:00:00Z');
const mondayNight = new Date('2026-11-30T22:00:00Z');

describe('the hand-off notice', () => {
  it('is the hand-off message within business hours or without any, the out-of-hours one outside them', () => {
    const settings = { businessHours: hours, handoffMessage: 'soon', outOfHoursMessage: 'tomorrow' };
    expect(handoffNotice(settings, mondayNoon)).toBe('soon');
    expect(handoffNotice(settings, mondayNight)).toBe('tomorrow');
    expect(handoffNotice({ ...settings, businessHours: null }, mondayNight)).toBe('soon');
    expect(handoffNotice({ ...settings, outOfHoursMessage: null }, mondayNight)).toBe('soon');
    expect(handoffNotice({ ...settings, handoffMessage: null }, mondayNoon)).toBeNull();
  });

  it('refuses a blank or too-long message and accepts none (null)', () => {
    expect(handoffMessageProblems({ handoffMessage: null, outOfHoursMessage: 'fine' })).toEqual([]);
    expect(handoffMessageProblems({ handoffMessage: ' ', outOfHoursMessage: 'y'.repeat(501) }).map((p) => p.path)).toEqual(['handoffMessage', 'outOfHoursMessage']);
    expect(handoffMessageProblems({ handoffMessage: 'y'.repeat(500) })).toEqual([]);
  });
});
