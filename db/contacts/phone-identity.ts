import type { AppConfig } from '../../config';
import { blindIndex, seal, type Sealed } from '../crypto/field-encryption';

type Keys = Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;

/** A contact's phone as stored: encrypted, plus a blind index to find it and the last digits to show. */
export function phoneColumns(keys: Keys, tenantId: string, phone: string) {
  const sealed: Sealed = seal(keys.encryptionKeys, phone, tenantId);
  return {
    phone_ciphertext: sealed.ciphertext,
    phone_key_id: sealed.keyId,
    phone_blind_index: phoneBlindIndex(keys, phone),
    phone_last4: phone.slice(-4),
  };
}

export function phoneBlindIndex(keys: Keys, phone: string): string {
  return blindIndex(keys.blindIndexKey, `phone:${phone}`);
}

/**
 * The contact's key in workflow ids (`conversation:{tenantId}:{contactKey}`): stable per tenant and
 * phone, and reveals neither (workflow ids are visible in Temporal UI).
 */
export function contactKey(keys: Keys, tenantId: string, phone: string): string {
  return blindIndex(keys.blindIndexKey, `contact:${tenantId}:${phone}`).slice(0, 40);
}
