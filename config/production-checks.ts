import type { Env } from './env';

/** Shannon entropy of the string's characters, times its length: a rough upper bound on its bits. */
export function estimatedEntropyBits(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const length = [...value].length;
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / length) * Math.log2(n / length);
  return perChar * length;
}

const MIN_SECRET_BITS = 128;
/** A random 32-byte key has about 28 distinct byte values; a typed or patterned one far fewer. */
const MIN_DISTINCT_KEY_BYTES = 16;

function keyMaterial(raw: string): Buffer[] {
  return raw.split(',').map((entry) => Buffer.from((entry.includes(':') ? entry.split(':', 2)[1] : entry).trim(), 'base64'));
}

/**
 * Production refuses secrets that parse but are weak: a JWT secret that is long but guessable
 * (`xxxx…`, `changeme-changeme…`), keys that are not 32 random-looking bytes, the blind-index key
 * reused as an encryption key, and a public URL that is not https (tokens and cookies would cross
 * the network in the clear). Returns the problems, each naming its variable.
 */
export function productionSecretProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.JWT_SECRET && estimatedEntropyBits(env.JWT_SECRET) < MIN_SECRET_BITS) {
    problems.push(`JWT_SECRET: too predictable (about ${Math.floor(estimatedEntropyBits(env.JWT_SECRET))} bits; use 32+ random bytes, e.g. openssl rand -base64 48)`);
  }
  const encryption = env.ENCRYPTION_KEY ? keyMaterial(env.ENCRYPTION_KEY) : [];
  const blind = env.BLIND_INDEX_KEY ? keyMaterial(env.BLIND_INDEX_KEY) : [];
  for (const [name, keys] of [
    ['ENCRYPTION_KEY', encryption],
    ['BLIND_INDEX_KEY', blind],
  ] as const) {
    for (const key of keys) {
      if (key.length !== 32) problems.push(`${name}: every key must be 32 bytes, base64`);
      else if (new Set(key).size < MIN_DISTINCT_KEY_BYTES) problems.push(`${name}: a key is not random (generate one with openssl rand -base64 32)`);
    }
  }
  if (blind.some((b) => encryption.some((e) => e.equals(b)))) problems.push('BLIND_INDEX_KEY: must differ from every ENCRYPTION_KEY');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (the https address users reach)');
  else if (new URL(env.PUBLIC_URL).protocol !== 'https:') problems.push('PUBLIC_URL: must be an https: URL in production');
  return problems;
}
