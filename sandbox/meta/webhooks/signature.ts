import { createHmac } from 'node:crypto';

/** `sha256=<lowercase hex HMAC-SHA256 of the raw bytes, keyed by the app secret>` — the X-Hub-Signature-256 value. */
export function signMetaBody(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The legacy X-Hub-Signature value Meta still sends alongside. */
export function signMetaBodySha1(body: string | Uint8Array, appSecret: string): string {
  return `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`;
}
