import http from 'node:http';
import { metaJson, signMetaBody } from '../../sandbox/meta';
import { SimStore, type PhoneNumber } from '../../sandbox/meta/state/store';
import type { SimAccount } from '../../sandbox/meta/types';
import { buildInboundMessage, customerOf } from '../../sandbox/meta/webhooks/inbound';
import { messagesEnvelope } from '../../sandbox/meta/webhooks/payloads';
import { signMetaBodySha1 } from '../../sandbox/meta/webhooks/signature';

/** A typical customer message (about 60 characters), the same text in every request. */
export const MESSAGE_TEXT = 'Hi! Is the blue cotton kurta in size M still available? 🙏';

/**
 * A distinct customer per (mode, phase, index), so every message opens its own conversation: 91 + mode
 * digit + phase digit + 8-digit index = 12 digits, like an Indian mobile number with country code.
 */
export function customerWaId(mode: number, phase: number, index: number): string {
  return `91${mode}${phase}${String(index).padStart(8, '0')}`;
}

export interface SignedWebhook {
  raw: Buffer;
  headers: Record<string, string>;
}

/**
 * One inbound text message as Meta delivers it: the simulator's own builders (same envelope, wamid
 * shape and Graph-style JSON escaping) and both signature headers over the exact bytes.
 */
export function inboundBuilder(account: SimAccount, appSecret: string): (waId: string) => SignedWebhook {
  const store = new SimStore();
  const phone: PhoneNumber = {
    id: account.phoneNumberId,
    wabaId: account.wabaId,
    displayPhoneNumber: account.displayPhoneNumber,
    verifiedName: account.verifiedName,
    qualityRating: 'GREEN',
    registered: true,
  };
  return (waId) => {
    const customer = customerOf(waId);
    const message = buildInboundMessage(store, phone, customer, { type: 'text', body: MESSAGE_TEXT });
    const envelope = messagesEnvelope(phone, { contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }], messages: [message] });
    const raw = Buffer.from(metaJson(envelope));
    return {
      raw,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'facebookexternalua',
        'x-hub-signature-256': signMetaBody(raw, appSecret),
        'x-hub-signature': signMetaBodySha1(raw, appSecret),
      },
    };
  };
}

/**
 * POSTs over keep-alive connections (node:http, no extra client dependency). Resolves on a 200 whose
 * body acknowledges exactly one message; rejects otherwise.
 */
export function webhookPoster(baseUrl: string, maxSockets: number, timeoutMs: number): { post(webhook: SignedWebhook): Promise<void>; close(): void } {
  const url = new URL('/webhooks/meta', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    post(webhook) {
      return new Promise<void>((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            agent,
            headers: { ...webhook.headers, 'content-length': String(webhook.raw.length) },
            timeout: timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              const body = Buffer.concat(chunks).toString('utf8');
              if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
              else if (!body.includes('"messages":1')) reject(new Error(`200 without the message acknowledged: ${body.slice(0, 200)}`));
              else resolve();
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(webhook.raw);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
