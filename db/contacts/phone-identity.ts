import type { AppConfig } from '../../config';
import { blindIndex, tenantBlindIndexKey } from '../crypto/field-encryption';
import { sealContactPhone } from '../crypto/sealed-columns';

type Keys = Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;

/** A contact's phone as stored: encrypted, plus a blind index to find it and the last digits to show. */
export function phoneColumns(keys: Keys, tenantId: string, phone: string) {
  const sealed = sealContactPhone(keys.encryptionKeys, tenantId, phone);
  return {
    phone_ciphertext: sealed.ciphertext,
    phone_key_id: sealed.keyId,
    phone_blind_index: phoneBlindIndex(keys, tenantId, phone),
    phone_last4: phone.slice(-4),
  };
}

/** The phone's blind index in one tenant, under that tenant's own HMAC key. */
export function phoneBlindIndex(keys: Keys, tenantId: string, phone: string): string {
  return blindIndex(tenantBlindIndexKey(keys.blindIndexKey, tenantId), `phone:${phone}`);
}

/**
 * The index rows written before per-tenant keys carry (one key for every tenant). Lookups still
 * match it and `upsertContact` moves a row it finds to the current index; `npm run rotate-keys`
 * moves the rest (`db/system/reindex-contact-phones.ts`).
 */
export function legacyPhoneBlindIndex(keys: Keys, phone: string): string {
  return blindIndex(keys.blindIndexKey, `phone:${phone}`);
}

/** What a lookup of this phone matches: the current index, and the legacy one until reindexed. */
export function phoneLookupIndexes(keys: Keys, tenantId: string, phone: string): string[] {
  return [phoneBlindIndex(keys, tenantId, phone), legacyPhoneBlindIndex(keys, phone)];
}

/**
 * The contact's key in workflow ids (`conversation:{tenantId}:{contactKey}`): stable per tenant and
 * phone, and reveals neither (workflow ids are visible in Temporal UI).
 */
export function contactKey(keys: Keys, tenantId: string, phone: string): string {
  return blindIndex(keys.blindIndexKey, `contact:${tenantId}:${phone}`).slice(0, 40);
}
