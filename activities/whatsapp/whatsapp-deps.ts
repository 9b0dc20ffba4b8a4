import type { AppConfig, EncryptionKey } from '../../config';
import type { Database } from '../../db/connection';

export interface WhatsappActivityDeps {
  db: Database;
  whatsapp: {
    meta: AppConfig['meta'];
    encryptionKeys: EncryptionKey[];
    /** Derives the per-number registration PIN; this key never rotates, so the PIN stays the same. */
    blindIndexKey: Buffer;
  };
}
