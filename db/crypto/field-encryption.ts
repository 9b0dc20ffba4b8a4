import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config';

/**
 * AES-256-GCM for secrets and PII at rest (WhatsApp tokens, contact phone numbers). The stored form is
 * `base64(iv | tag | ciphertext)` beside the id of the key that made it, so keys can be rotated:
 * the first configured key encrypts, any configured key decrypts.
 */
export interface Sealed {
  ciphertext: string;
  keyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(keys: EncryptionKey[], plaintext: string, associatedData = ''): Sealed {
  const { id, key } = keys[0];
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: id };
}

export function open(keys: EncryptionKey[], sealed: Sealed, associatedData = ''): string {
  const entry = keys.find((k) => k.id === sealed.keyId);
  if (!entry) throw new Error(`encryption key "${sealed.keyId}" is not configured`);
  const raw = Buffer.from(sealed.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** True when `sealed` was made with a key other than the current one (a rotation should re-seal it). */
export function needsResealing(keys: EncryptionKey[], sealed: Sealed): boolean {
  return sealed.keyId !== keys[0].id;
}

/**
 * A keyed, deterministic fingerprint for looking encrypted values up (a "blind index"). Its key never
 * rotates with the encryption keys, so lookups keep working after a rotation.
 */
export function blindIndex(blindIndexKey: Buffer, value: string): string {
  return createHmac('sha256', blindIndexKey).update(value).digest('hex');
}
