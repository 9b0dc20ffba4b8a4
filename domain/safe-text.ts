/**
 * Text Postgres can store: no NUL (text columns refuse U+0000) and no lone UTF-16 surrogate (not
 * encodable as UTF-8). `SAFE_TEXT_PATTERN` says the same in the API document, so generated clients and
 * fuzzers know what the validation will refuse.
 */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const SAFE_TEXT_PATTERN = '^[^\\u0000]*$';

export function unsafeTextReason(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  return match[0] === '\u0000' ? 'must not contain NUL characters' : 'must be valid Unicode (a lone surrogate was found)';
}

/** The first string (or object key) in `value` that is not safe text, with where it is. */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path, reason } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { path: [...path, key.replace(UNSAFE, '?')], reason: `a key that ${keyReason}` };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
