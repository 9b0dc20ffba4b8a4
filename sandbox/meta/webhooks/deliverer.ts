import { randomUUID } from 'node:crypto';
import { metaJson } from '../graph/json';
import type { Scheduler } from '../scheduler';
import type { SimStore } from '../state/store';
import type { SignatureMode, WebhookDelivery, WebhookKind } from '../types';
import { signMetaBody, signMetaBodySha1 } from './signature';

export interface DelivererConfig {
  appSecret: string;
  webhookUrl: () => string | undefined;
  retries: number;
  timeoutMs: number;
}

export interface DeliverInput {
  kind: WebhookKind;
  body: unknown;
  /** Deliveries in one lane go out strictly one after another (one message's statuses; one customer's messages). */
  lane?: string;
  /** Set when the WABA is not subscribed or has its own callback. */
  route?: { skip?: string; url?: string };
  wamids?: string[];
  signature?: SignatureMode;
}

/** Posts webhooks the way Meta does (signed raw bytes, one lane at a time) and records what the app answered. */
export class WebhookDeliverer {
  private readonly lanes = new Map<string, Promise<unknown>>();
  private readonly aborter = new AbortController();

  constructor(
    private readonly store: SimStore,
    private readonly scheduler: Scheduler,
    private readonly config: DelivererConfig,
  ) {}

  deliver(input: DeliverInput): Promise<WebhookDelivery> {
    const raw = typeof input.body === 'string' ? Buffer.from(input.body) : input.body instanceof Uint8Array ? Buffer.from(input.body) : Buffer.from(metaJson(input.body));
    const headers = this.signatureHeaders(raw, input.signature ?? 'valid');
    return this.enqueue(input.lane, () => this.post({ kind: input.kind, raw, headers, route: input.route, wamids: input.wamids ?? [] }));
  }

  /** The same bytes and headers again, as Meta's at-least-once delivery does. */
  redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const original = this.store.deliveries.find((d) => d.id === deliveryId);
    if (!original) return Promise.reject(new Error(`no webhook delivery ${deliveryId}`));
    const headers: Record<string, string> = {};
    if (original.signature) {
      headers['x-hub-signature-256'] = original.signature;
      if (original.signature === signMetaBody(original.rawBody, this.config.appSecret)) headers['x-hub-signature'] = signMetaBodySha1(original.rawBody, this.config.appSecret);
    }
    return this.enqueue(undefined, () =>
      this.post({
        kind: original.kind,
        raw: Buffer.from(original.rawBody),
        headers,
        route: original.url ? { url: original.url } : undefined,
        wamids: original.wamids,
        redeliveryOf: original.id,
      }),
    );
  }

  stop(): void {
    this.aborter.abort();
  }

  private signatureHeaders(raw: Buffer, mode: SignatureMode): Record<string, string> {
    if (mode === 'none') return {};
    if (mode === 'valid') return { 'x-hub-signature-256': signMetaBody(raw, this.config.appSecret), 'x-hub-signature': signMetaBodySha1(raw, this.config.appSecret) };
    if (mode === 'bad') return { 'x-hub-signature-256': signMetaBody(raw, `${this.config.appSecret}-wrong`) };
    return { 'x-hub-signature-256': mode };
  }

  private enqueue(lane: string | undefined, run: () => Promise<WebhookDelivery>): Promise<WebhookDelivery> {
    const previous = lane ? (this.lanes.get(lane) ?? Promise.resolve()) : Promise.resolve();
    const next = previous.catch(() => undefined).then(run);
    if (lane) {
      this.lanes.set(lane, next);
      void next.finally(() => this.lanes.get(lane) === next && this.lanes.delete(lane)).catch(() => undefined);
    }
    return this.scheduler.track(next);
  }

  private async post(input: {
    kind: WebhookKind;
    raw: Buffer;
    headers: Record<string, string>;
    route?: { skip?: string; url?: string };
    wamids: string[];
    redeliveryOf?: string;
  }): Promise<WebhookDelivery> {
    const started = Date.now();
    const url = input.route?.url ?? this.config.webhookUrl();
    const rawBody = input.raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
    }
    const delivery: WebhookDelivery = {
      id: randomUUID(),
      kind: input.kind,
      url,
      rawBody,
      body,
      signature: input.headers['x-hub-signature-256'],
      attempts: 0,
      at: started,
      durationMs: 0,
      wamids: input.wamids,
      redeliveryOf: input.redeliveryOf,
    };
    this.store.deliveries.push(delivery);
    const skip = input.route?.skip ?? (url ? undefined : 'no webhook URL configured');
    if (skip) {
      delivery.skipped = skip;
      return delivery;
    }
    for (let attempt = 0; attempt <= this.config.retries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
      if (this.aborter.signal.aborted) break;
      delivery.attempts = attempt + 1;
      try {
        const res = await fetch(url as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', ...input.headers },
          body: new Uint8Array(input.raw),
          signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.config.timeoutMs)]),
        });
        delivery.status = res.status;
        delivery.responseBody = await res.text();
        delivery.error = undefined;
        if (res.ok) break;
      } catch (err) {
        delivery.status = undefined;
        delivery.error = (err as Error).message;
      }
    }
    delivery.durationMs = Date.now() - started;
    return delivery;
  }
}
