import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * The data dir holds the secrets, the embedded cluster and its password: created 0700, and an
 * existing one loses any group/other read or write bit. Search-only (x) bits are kept: as root, the
 * stack grants them so the `postgres` OS user can reach its own 0700 cluster directory inside.
 */
export function ensurePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = statSync(dataDir).mode & 0o777;
  if (mode & 0o066) chmodSync(dataDir, mode & 0o711);
}

/** Embedded mode keeps generated secrets in the data dir so restarts keep sessions and ciphertexts valid. */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  ensurePrivateDataDir(dataDir);
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
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
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
