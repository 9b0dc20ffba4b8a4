import { randomBytes, randomInt } from 'node:crypto';

const issued = new Set<string>();

/** Graph object ids are decimal strings; 15 digits keeps them below 2^53, so they survive as JSON numbers too. */
export function newGraphId(): string {
  for (;;) {
    const id = String(randomInt(1, 9)) + Array.from({ length: 14 }, () => randomInt(0, 10)).join('');
    if (!issued.has(id)) {
      issued.add(id);
      return id;
    }
  }
}

/** Shaped like Meta's: base64 of a small protobuf-ish frame that embeds the recipient's wa_id. */
export function newWamid(waId: string): string {
  const digits = Buffer.from(waId, 'latin1');
  const inner = Buffer.from(randomBytes(10).toString('hex').toUpperCase(), 'latin1');
  const frame = Buffer.concat([Buffer.from([0x1c, 0x18, digits.length]), digits, Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, inner.length]), inner, Buffer.from([0x00])]);
  return `wamid.${frame.toString('base64')}`;
}

export function newFbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}

export function newAccessToken(): string {
  return `EAAG${randomBytes(96).toString('base64url').replace(/[-_]/g, '')}`;
}

export function newAuthCode(): string {
  return `AQ${randomBytes(72).toString('base64url')}`;
}

export function newConversationId(): string {
  return randomBytes(16).toString('hex');
}

/** A plausible US test number in Meta's 1 555 range, digits only as webhooks carry it. */
export function newDisplayNumber(): string {
  return `1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
