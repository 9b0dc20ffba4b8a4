import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config';

/**
 * AES-256-GCM for secrets and PII at rest (WhatsApp tokens, contact phone numbers). The stored form is
 * `v2:base64(iv | tag | ciphertext)` beside the id of the key that made it, so keys can be rotated:
 * the first configured key encrypts, any configured key decrypts.
 *
 * Envelopes without the `v2:` marker (v1) were sealed before the associated data named the column;
 * they open with the caller's `legacyAssociatedData`, and `npm run rotate-keys` re-seals them as v2.
 */
export interface Sealed {
  ciphertext: string;
  keyId: string;
}

const IV_BYTES = 12;
/** Pinned: GCM would otherwise accept a tag cut to 4 bytes, which makes forging a value feasible. */
const TAG_BYTES = 16;
const V2 = 'v2:';

export function seal(keys: EncryptionKey[], plaintext: string, associatedData = ''): Sealed {
  const { id, key } = keys[0];
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext: V2 + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: id };
}

export function open(keys: EncryptionKey[], sealed: Sealed, associatedData = '', legacyAssociatedData = associatedData): string {
  const entry = keys.find((k) => k.id === sealed.keyId);
  if (!entry) throw new Error(`encryption key "${sealed.keyId}" is not configured`);
  const current = isCurrentEnvelope(sealed);
  const raw = Buffer.from(current ? sealed.ciphertext.slice(V2.length) : sealed.ciphertext, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short to hold its nonce and 16-byte tag');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(current ? associatedData : legacyAssociatedData));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** True for the current envelope (v2); a v1 value opens, but only with its legacy associated data. */
export function isCurrentEnvelope(sealed: Sealed): boolean {
  return sealed.ciphertext.startsWith(V2);
}

/** SQL `LIKE` pattern matching current envelopes, for finding the ones a re-seal should upgrade. */
export const CURRENT_ENVELOPE_PATTERN = `${V2}%`;

/** True when `sealed` was made with a key other than the current one, or in the old envelope. */
export function needsResealing(keys: EncryptionKey[], sealed: Sealed): boolean {
  return sealed.keyId !== keys[0].id || !isCurrentEnvelope(sealed);
}

/**
 * A keyed, deterministic fingerprint for looking encrypted values up (a "blind index"). Its key never
 * rotates with the encryption keys, so lookups keep working after a rotation.
 */
export function blindIndex(blindIndexKey: Buffer, value: string): string {
  return createHmac('sha256', blindIndexKey).update(value).digest('hex');
}

/**
 * The blind-index key of one tenant, derived from the platform's: the same phone number in two
 * workspaces gets unrelated fingerprints, so an index leaked from one row says nothing about another
 * workspace's contacts.
 */
export function tenantBlindIndexKey(blindIndexKey: Buffer, tenantId: string): Buffer {
  return createHmac('sha256', blindIndexKey).update(`aerostic:blind-index:tenant:${tenantId}`).digest();
}
