import { z } from 'zod';

/** Characters as JSON Schema's `maxLength` counts them (code points), not UTF-16 units as `String#length` does. */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * A string of at most `max` characters, counted as the API document's `maxLength` counts them, so a
 * name of emoji within the documented length is not refused (zod's own `.max()` counts UTF-16 units).
 * The issue is zod's own `too_big`, so messages and clients see the same error. Chain `.trim()`,
 * `.min()` after it: the length is checked on the value as sent, as the document says.
 */
export function text(max: number) {
  return z
    .string()
    .check((ctx) => {
      if (codePoints(ctx.value) > max) ctx.issues.push({ code: 'too_big', maximum: max, origin: 'string', inclusive: true, input: ctx.value });
    })
    .meta({ maxLength: max });
}
