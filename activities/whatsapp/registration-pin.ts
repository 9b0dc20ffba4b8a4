import { blindIndex } from '../../db/crypto/field-encryption';

/**
 * Registering a number sets its two-step verification PIN, and re-registering must repeat it. When
 * the business gives none, the platform derives one per number from a key that never rotates, so a
 * reconnect registers with the same PIN and nothing secret has to be stored.
 */
export function registrationPin(blindIndexKey: Buffer, phoneNumberId: string): string {
  const digest = blindIndex(blindIndexKey, `whatsapp-registration-pin:${phoneNumberId}`);
  return (parseInt(digest.slice(0, 12), 16) % 1_000_000).toString().padStart(6, '0');
}
