import type { EncryptionKey } from '../../config';
import type { ConnectSecrets, SealedValue } from '../../domain/whatsapp-connect';
import { open, seal } from './field-encryption';

/**
 * The OAuth code or token of a connect request crosses Temporal sealed with the platform key and
 * bound to the tenant: workflow history (and any log of it) only ever holds ciphertext.
 */
const aad = (tenantId: string) => `whatsapp-connect:${tenantId}`;

export function sealConnectSecrets(keys: EncryptionKey[], tenantId: string, secrets: ConnectSecrets): SealedValue {
  return seal(keys, JSON.stringify(secrets), aad(tenantId));
}

export function openConnectSecrets(keys: EncryptionKey[], tenantId: string, sealed: SealedValue): ConnectSecrets {
  return JSON.parse(open(keys, sealed, aad(tenantId))) as ConnectSecrets;
}
