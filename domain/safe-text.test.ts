import { findUnsafeText, unsafeTextReason } from './safe-text';

describe('safe text', () => {
  it('accepts ordinary text, emoji (surrogate pairs) included', () => {
    expect(unsafeTextReason('Namaste 🙏 — ₹999')).toBeUndefined();
  });

  it('refuses NUL and lone surrogates, saying where', () => {
    expect(unsafeTextReason('a\u0000b')).toMatch(/NUL/);
    expect(unsafeTextReason('x\uD83D')).toMatch(/surrogate/);
    expect(unsafeTextReason('\uDE4Fx')).toMatch(/surrogate/);
    expect(findUnsafeText({ tags: ['ok', 'bad\u0000'] })).toEqual({ path: ['tags', 1], reason: expect.stringMatching(/NUL/) });
    expect(findUnsafeText({ attributes: { 'k\u0000': 'v' } })?.path[0]).toBe('attributes');
  });
});
