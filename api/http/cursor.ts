import { AppError } from '../../domain/errors';
import { CURSOR_PATTERN } from '../../domain/pagination';

/**
 * Keyset cursors: the last row's (timestamp, id) as `<microseconds since the epoch>_<uuid>`. Every
 * string that matches `CURSOR_PATTERN` (the pattern the API document gives `cursor`) is a position
 * Postgres can compare against, so a forged cursor is either refused with `invalid_cursor` or harmless.
 * Microseconds, not a JS Date: Postgres keeps them, and rounding would skip or repeat rows.
 */
const cursorPattern = new RegExp(CURSOR_PATTERN);
const postgresTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function encodeCursor<K extends string>(key: Record<K, string>, keys: readonly [K, K]): string {
  const [timeKey, idKey] = keys;
  return `${toMicros(key[timeKey])}_${key[idKey].toLowerCase()}`;
}

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly [K, K]): Record<K, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!cursorPattern.test(cursor)) {
    throw new AppError('invalid_cursor', 'cursor: is not a cursor this API returned; start again without it', { details: [{ path: 'cursor', message: 'is not valid' }] });
  }
  const [micros, id] = cursor.split('_');
  const [timeKey, idKey] = keys;
  return { [timeKey]: fromMicros(BigInt(micros)), [idKey]: id } as Record<K, string>;
}

/** Postgres' `timestamptz::text` (any offset) or an ISO string → microseconds since the epoch. */
function toMicros(time: string): string {
  const match = postgresTime.exec(time);
  if (!match) throw new Error('cursor time is not a timestamp');
  const [, date, clock, fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const seconds = BigInt(Date.parse(`${date}T${clock}${offset}`) / 1000);
  return String(seconds * 1_000_000n + BigInt(fraction.padEnd(6, '0')));
}

function fromMicros(micros: bigint): string {
  const seconds = micros / 1_000_000n;
  const fraction = String(micros % 1_000_000n).padStart(6, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}
