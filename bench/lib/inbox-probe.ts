/**
 * Times each customer's message through the product: the signed webhook POST starting (the Meta
 * simulator's own delivery record), the AI reply reaching the simulator's Graph API (its SentMessage
 * `at`), and the tenant's socket.io client receiving `message.new` for the inbound message. All three
 * are Date.now() of this one process, so they share a clock (1 ms resolution).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { MetaSimulator } from '../../sandbox/meta';
import type { TestSocket } from '../../test/realtime/socket-client';

export interface CustomerResult {
  waId: string;
  /** When the sender meant to send it (paced phases), bench clock. */
  dueAt: number;
  wamid?: string;
  /** The webhook POST started (the simulator's delivery `at`). */
  postAt?: number;
  /** The API's 200 arrived, ms after postAt. */
  ackMs?: number;
  sendError?: string;
  /** The reply send reached the Meta simulator (its SentMessage `at`). */
  replyAt?: number;
  replyText?: string;
  /** The inbound message's id in Postgres (to match its realtime event). */
  messageId?: string;
  /** The socket.io client received `message.new` for the inbound message. */
  eventAt?: number;
}

export class InboxProbe {
  private readonly byWaId = new Map<string, CustomerResult>();
  private readonly eventAtByMessageId = new Map<string, number>();
  private seenSent = 0;
  private readonly poller: NodeJS.Timeout;

  constructor(
    private readonly meta: MetaSimulator,
    private readonly phoneNumberId: string,
    socket: TestSocket,
    private readonly db: Database,
    private readonly tenantId: string,
  ) {
    socket.socket.on('message.new', (data: { messageId?: string }) => {
      const at = Date.now();
      if (data?.messageId && !this.eventAtByMessageId.has(data.messageId)) this.eventAtByMessageId.set(data.messageId, at);
    });
    // The send's own timestamp is recorded by the simulator, so how often this looks does not matter.
    this.poller = setInterval(() => this.collectReplies(), 20);
  }

  /** Fires one customer's question; resolves once the API answered the webhook (or failed to). */
  async send(waId: string, text: string, dueAt = Date.now()): Promise<CustomerResult> {
    const result: CustomerResult = { waId, dueAt };
    this.byWaId.set(waId, result);
    try {
      const { wamid, delivery } = await this.meta.customer(this.phoneNumberId).send({ waId, name: 'Bench Customer' }, text);
      result.wamid = wamid;
      result.postAt = delivery.at;
      result.ackMs = delivery.durationMs;
      if (delivery.status !== 200) result.sendError = `webhook answered ${delivery.status ?? delivery.error ?? 'nothing'}`;
    } catch (error) {
      result.sendError = (error as Error).message;
    }
    return result;
  }

  /** Until every result has its reply and its event (or `timeoutMs` passes); then matches the events. */
  async settle(results: CustomerResult[], timeoutMs: number, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pending = () => results.filter((r) => !r.sendError && (r.replyAt === undefined || r.eventAt === undefined));
    while (Date.now() < deadline) {
      signal.throwIfAborted();
      this.collectReplies();
      // Postgres is asked only once the replies are in, so the bench adds no queries while it measures.
      if (results.every((r) => r.sendError || r.replyAt !== undefined)) await this.matchEvents(results);
      if (pending().length === 0) return;
      await sleep(100);
    }
    await this.matchEvents(results);
  }

  stop(): void {
    clearInterval(this.poller);
  }

  private collectReplies(): void {
    const sent = this.meta.sent({ phoneNumberId: this.phoneNumberId });
    for (let i = this.seenSent; i < sent.length; i++) {
      const message = sent[i];
      const result = this.byWaId.get(message.waId);
      if (!result || result.replyAt !== undefined) continue;
      result.replyAt = message.at;
      result.replyText = message.preview?.text ?? String((message.body as { text?: { body?: string } }).text?.body ?? '');
    }
    this.seenSent = sent.length;
  }

  private async matchEvents(results: CustomerResult[]): Promise<void> {
    const unknown = results.filter((r) => r.wamid && !r.messageId);
    if (unknown.length) {
      const rows: { id: string; wa_message_id: string }[] = await withTenant(this.db.app, this.tenantId, (trx) =>
        trx('messages')
          .where({ direction: 'inbound' })
          .whereIn(
            'wa_message_id',
            unknown.map((r) => r.wamid!),
          )
          .select('id', 'wa_message_id'),
      );
      const idByWamid = new Map(rows.map((row) => [row.wa_message_id, row.id]));
      for (const r of unknown) r.messageId = idByWamid.get(r.wamid!);
    }
    for (const r of results) if (r.messageId && r.eventAt === undefined) r.eventAt = this.eventAtByMessageId.get(r.messageId);
  }
}
