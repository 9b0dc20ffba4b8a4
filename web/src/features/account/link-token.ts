/**
 * Mailed links carry their token in the fragment (`#token=…`): the browser never sends a fragment
 * to a server, so the token stays out of access logs and Referer headers.
 */
export function linkToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
