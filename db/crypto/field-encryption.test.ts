import { randomBytes } from 'node:crypto';
import { blindIndex, needsResealing, open, seal } from './field-encryption';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('field encryption', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = seal([k1], 'EAAG-secret-token');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('EAAG');
    expect(open([k1], sealed)).toBe('EAAG-secret-token');
  });

  it('uses a fresh IV each time', () => {
    expect(seal([k1], 'same').ciphertext).not.toBe(seal([k1], 'same').ciphertext);
  });

  it('rotation: the first key seals, older keys still open', () => {
    const old = seal([k1], 'value');
    const keys = [k2, k1];
    expect(open(keys, old)).toBe('value');
    expect(needsResealing(keys, old)).toBe(true);
    const fresh = seal(keys, open(keys, old));
    expect(fresh.keyId).toBe('k2');
    expect(needsResealing(keys, fresh)).toBe(false);
  });

  it('refuses tampered ciphertext, wrong associated data and unknown keys', () => {
    const sealed = seal([k1], 'value', 'tenant-a');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => open([k1], { ...sealed, ciphertext: bytes.toString('base64') })).toThrow();
    expect(() => open([k1], sealed, 'tenant-b')).toThrow();
    expect(() => open([k2], sealed, 'tenant-a')).toThrow(/not configured/);
  });

  it('blind index is deterministic per key', () => {
    const key = randomBytes(32);
    expect(blindIndex(key, '+919812345678')).toBe(blindIndex(key, '+919812345678'));
    expect(blindIndex(key, '+919812345678')).not.toBe(blindIndex(randomBytes(32), '+919812345678'));
  });
});
