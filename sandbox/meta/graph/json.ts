/**
 * Serialises JSON the way Graph does: non-ASCII as \uXXXX and "/" as "\/". Receivers that re-serialise
 * the parsed body before checking the webhook signature break on exactly this, as they would with Meta.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
