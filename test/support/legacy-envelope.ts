import { createCipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config';
import type { Sealed } from '../../db/crypto/field-encryption';

/**
 * A value exactly as the v1 code stored it (before the `v2:` envelope): `base64(iv | tag | body)`,
 * associated data = the tenant id alone. For tests that prove old rows stay readable and get upgraded.
 */
export function sealV1(keys: EncryptionKey[], plaintext: string, tenantId: string): Sealed {
  const { id, key } = keys[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(tenantId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: id };
}
