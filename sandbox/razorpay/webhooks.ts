import { createHmac } from 'node:crypto';
import { randomId14 } from './ids';
import { nowSeconds } from './time';

/** Lowercase hex HMAC-SHA256 of the raw body with the webhook secret: Razorpay's `X-Razorpay-Signature`. */
export function signWebhookBody(body: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export interface WebhookDelivery {
  event: string;
  eventId: string;
  /** HTTP status of the receiver's answer; 0 when nothing answered (no URL, refused, timed out). */
  status: number;
  body: string;
  attempt: number;
  error?: string;
}

export interface WebhookEvent {
  event: string;
  eventId: string;
  body: string;
}

export interface WebhookOptions {
  secret: string;
  accountId: string;
  url?: string;
  /** Extra attempts after a non-2xx answer. Real Razorpay keeps retrying for 24 h; tests want a bounded log. */
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
}

/**
 * Builds events in Razorpay's envelope and delivers them one at a time, in the order they were built,
 * so a sequence such as authenticated → activated → charged reaches the receiver in that order.
 */
export class WebhookSender {
  private url: string | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly log: WebhookDelivery[] = [];
  private readonly aborter = new AbortController();

  constructor(private readonly options: WebhookOptions) {
    this.url = options.url;
  }

  setUrl(url: string): void {
    this.url = url;
  }

  /** Snapshots the payload now: later state changes do not leak into an event already built. */
  build(event: string, payload: Record<string, { entity: object }>, eventId = randomId14()): WebhookEvent {
    const envelope = {
      entity: 'event',
      account_id: this.options.accountId,
      event,
      contains: Object.keys(payload),
      payload,
      created_at: nowSeconds(),
    };
    return { event, eventId, body: JSON.stringify(envelope) };
  }

  /** Queues a delivery behind the ones already queued; resolves with the last attempt's status. */
  send(event: WebhookEvent): Promise<number> {
    const delivery = this.tail.then(() => this.deliver(event));
    this.tail = delivery;
    return delivery;
  }

  /** Resolves once every queued delivery has been attempted. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  findSent(eventId: string): WebhookEvent | undefined {
    const sent = this.log.find((entry) => entry.eventId === eventId);
    return sent && { event: sent.event, eventId: sent.eventId, body: sent.body };
  }

  stop(): void {
    this.aborter.abort();
  }

  private async deliver(event: WebhookEvent): Promise<number> {
    let status = 0;
    for (let attempt = 1; attempt <= 1 + this.options.retries; attempt += 1) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
      const result = await this.post(event);
      status = result.status;
      this.log.push({ event: event.event, eventId: event.eventId, body: event.body, status, attempt, ...(result.error ? { error: result.error } : {}) });
      if ((status >= 200 && status < 300) || this.aborter.signal.aborted) break;
    }
    return status;
  }

  private async post(event: WebhookEvent): Promise<{ status: number; error?: string }> {
    if (!this.url) return { status: 0, error: 'no webhook URL is set' };
    if (this.aborter.signal.aborted) return { status: 0, error: 'simulator stopped' };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Razorpay-Webhook/v1',
          'x-razorpay-signature': signWebhookBody(event.body, this.options.secret),
          'x-razorpay-event-id': event.eventId,
        },
        body: event.body,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (err) {
      return { status: 0, error: (err as Error).message };
    }
  }
}
