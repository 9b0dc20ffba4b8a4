import { secretEquals } from './secret-equal';

describe('secretEquals', () => {
  it('matches only the exact secret: not a prefix, a longer string, another case or an empty expected value', () => {
    expect(secretEquals('verify-token-1234', 'verify-token-1234')).toBe(true);
    expect(secretEquals('verify-token-123', 'verify-token-1234')).toBe(false);
    expect(secretEquals('verify-token-12345', 'verify-token-1234')).toBe(false);
    expect(secretEquals('VERIFY-TOKEN-1234', 'verify-token-1234')).toBe(false);
    expect(secretEquals('', '')).toBe(false);
  });
});
