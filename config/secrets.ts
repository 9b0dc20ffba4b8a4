import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedSecrets {
  jwtSecret: string;
  encryptionKey: string;
  metaAppSecret: string;
  metaWebhookVerifyToken: string;
  razorpayKeySecret: string;
  razorpayWebhookSecret: string;
  otpPepper: string;
  blindIndexKey: string;
}

/** Embedded mode keeps generated secrets in the data dir so restarts keep sessions and ciphertexts valid. */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing: Partial<EmbeddedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const fresh = (bytes: number) => randomBytes(bytes).toString('base64url');
  const secrets: EmbeddedSecrets = {
    jwtSecret: existing.jwtSecret ?? fresh(48),
    encryptionKey: existing.encryptionKey ?? `k1:${randomBytes(32).toString('base64')}`,
    metaAppSecret: existing.metaAppSecret ?? fresh(24),
    metaWebhookVerifyToken: existing.metaWebhookVerifyToken ?? fresh(18),
    razorpayKeySecret: existing.razorpayKeySecret ?? fresh(24),
    razorpayWebhookSecret: existing.razorpayWebhookSecret ?? fresh(24),
    otpPepper: existing.otpPepper ?? fresh(32),
    blindIndexKey: existing.blindIndexKey ?? randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
