import { formatPhoneNumber } from './phone-display';

describe('formatPhoneNumber', () => {
  it('shows Graph\'s display_phone_number once, never with a second "+"', () => {
    expect(formatPhoneNumber('+1 555-446-0931')).toBe('+1 555-446-0931');
  });

  it('gives bare digits (webhook metadata) and E.164 the same reading', () => {
    expect(formatPhoneNumber('15554460931')).toBe('+1 555-446-0931');
    expect(formatPhoneNumber('+15554460931')).toBe('+1 555-446-0931');
    expect(formatPhoneNumber('15550100001')).toBe('+1 555-010-0001');
  });

  it('writes Indian mobiles as 5 + 5 digits', () => {
    expect(formatPhoneNumber('+919812345678')).toBe('+91 98123 45678');
    expect(formatPhoneNumber('919812345678')).toBe('+91 98123 45678');
    expect(formatPhoneNumber('+91 98123-45678')).toBe('+91 98123 45678');
  });

  it('separates one-, two- and three-digit country codes correctly', () => {
    expect(formatPhoneNumber('+79161234567')).toBe('+7 916 123 4567');
    expect(formatPhoneNumber('+447911123456')).toBe('+44 791 112 3456');
    expect(formatPhoneNumber('+971501234567')).toBe('+971 50 123 4567');
    expect(formatPhoneNumber('+6591234567')).toBe('+65 9123 4567');
    expect(formatPhoneNumber('+35312345678')).toBe('+353 1234 5678');
  });

  it('never leaves a lone digit as a group of its own', () => {
    expect(formatPhoneNumber('+4930123456789')).toBe('+49 3012 345 6789');
  });

  it('leaves what is not a phone number as it was', () => {
    expect(formatPhoneNumber('Lucky Shrub')).toBe('Lucky Shrub');
    expect(formatPhoneNumber('12345')).toBe('12345');
    expect(formatPhoneNumber('1234567890123456789')).toBe('1234567890123456789');
    expect(formatPhoneNumber('  +1 555-446-0931 ')).toBe('+1 555-446-0931');
  });
});
