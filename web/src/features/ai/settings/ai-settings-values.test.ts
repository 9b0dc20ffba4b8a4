import { defaultAiSettings } from '@domain/ai';
import { addIntent, errorFor, fromValues, toValues } from './ai-settings-values';

describe('AI settings form values', () => {
  it('round-trips the settings and sends blank numbers as invalid, not as 0', () => {
    expect(fromValues(toValues(defaultAiSettings))).toEqual(defaultAiSettings);
    expect(fromValues({ ...toValues(defaultAiSettings), confidenceThreshold: ' ' }).confidenceThreshold).toBeNaN();
  });

  it('adds intents trimmed and lower case, once', () => {
    expect(addIntent(['refund'], '  Legal ')).toEqual(['refund', 'legal']);
    expect(addIntent(['refund'], 'REFUND')).toEqual(['refund']);
    expect(addIntent(['refund'], '   ')).toEqual(['refund']);
  });

  it('finds errors reported under a list item for the list itself', () => {
    expect(errorFor({ 'blockedIntents.2': 'Too long' }, 'blockedIntents')).toBe('Too long');
    expect(errorFor({ 'businessHours.days.mon.close': 'open must be before close' }, 'businessHours')).toBeUndefined();
  });
});
