import { AppError } from '../../domain/errors';

/** Opaque keyset cursors: the last row's sort key, base64url-encoded JSON. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, string> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (keys.every((k) => typeof value?.[k] === 'string')) return value;
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation_failed', 'cursor: is not a cursor this API returned', { details: [{ path: 'cursor', message: 'is not valid' }] });
}
