import { createCipheriv, randomBytes } from 'node:crypto';
import { sealV1 } from '../../test/support/legacy-envelope';
import { blindIndex, isCurrentEnvelope, needsResealing, open, seal, tenantBlindIndexKey } from './field-encryption';

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
    expect(sealed.ciphertext.startsWith('v2:')).toBe(true);
    const bytes = Buffer.from(sealed.ciphertext.slice(3), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => open([k1], { ...sealed, ciphertext: `v2:${bytes.toString('base64')}` }, 'tenant-a')).toThrow();
    expect(() => open([k1], sealed, 'tenant-b')).toThrow();
    expect(() => open([k2], sealed, 'tenant-a')).toThrow(/not configured/);
  });

  it('the GCM tag is pinned to 16 bytes: a value carrying a 4-byte tag is refused, in either envelope', () => {
    // A lax decrypter takes whatever bytes follow the nonce as the tag; 4 bytes are forgeable by trying 2^32 values.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', k1.key, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from('tenant-a'));
    cipher.final();
    const short = Buffer.concat([iv, cipher.getAuthTag()]).toString('base64');
    expect(() => open([k1], { ciphertext: `v2:${short}`, keyId: 'k1' }, 'tenant-a')).toThrow(/16-byte tag/);
    expect(() => open([k1], { ciphertext: short, keyId: 'k1' }, 'tenant-a')).toThrow(/16-byte tag/);
    const sealed = Buffer.from(seal([k1], 'value', 'tenant-a').ciphertext.slice(3), 'base64');
    expect(sealed.length).toBe(12 + 16 + 'value'.length);
  });

  it('v1 envelopes (no marker) open only with their legacy associated data; v2 only with the current one', () => {
    const v1 = sealV1([k1], 'value', 'tenant-a');
    expect(isCurrentEnvelope(v1)).toBe(false);
    expect(needsResealing([k1], v1)).toBe(true);
    expect(open([k1], v1, 'contacts.phone:tenant-a', 'tenant-a')).toBe('value');
    expect(() => open([k1], v1, 'contacts.phone:tenant-a', 'tenant-b')).toThrow();
    const v2 = seal([k1], 'value', 'contacts.phone:tenant-a');
    expect(open([k1], v2, 'contacts.phone:tenant-a', 'tenant-a')).toBe('value');
    // A v2 value relabelled as v1 (marker stripped) does not open under the weaker legacy data.
    expect(() => open([k1], { ...v2, ciphertext: v2.ciphertext.slice(3) }, 'contacts.phone:tenant-a', 'tenant-a')).toThrow();
  });

  it('blind index is deterministic per key', () => {
    const key = randomBytes(32);
    expect(blindIndex(key, '+919812345678')).toBe(blindIndex(key, '+919812345678'));
    expect(blindIndex(key, '+919812345678')).not.toBe(blindIndex(randomBytes(32), '+919812345678'));
  });

  it('each tenant gets its own blind-index key, derived from the platform key', () => {
    const key = randomBytes(32);
    const a = tenantBlindIndexKey(key, '11111111-1111-4111-8111-111111111111');
    expect(a).toEqual(tenantBlindIndexKey(key, '11111111-1111-4111-8111-111111111111'));
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(tenantBlindIndexKey(key, '22222222-2222-4222-8222-222222222222'));
    expect(a).not.toEqual(key);
  });
});
