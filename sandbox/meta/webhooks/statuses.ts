import { isMetaErrorCode, webhookError } from '../graph/errors';
import type { Scheduler } from '../scheduler';
import { nowSeconds } from '../state/ids';
import type { SimStore } from '../state/store';
import type { EmitStatusOptions, SentMessage, StatusBehaviour, StatusName, WebhookDelivery } from '../types';
import type { WebhookDeliverer } from './deliverer';
import { messagesEnvelope } from './payloads';
import { webhookRoute } from './route';

const PROGRESSION = ['sent', 'delivered', 'read'] as const;

/** Builds and sends status webhooks for the messages the app sent (EXTERNAL-APIS §1.4). */
export class StatusEmitter {
  behaviour: StatusBehaviour;

  constructor(
    private readonly store: SimStore,
    private readonly scheduler: Scheduler,
    private readonly deliverer: WebhookDeliverer,
    private readonly appId: string,
    behaviour: Partial<StatusBehaviour> = {},
  ) {
    this.behaviour = { upTo: 'read', delayMs: 25, order: 'normal', sentBeforeResponse: false, ...behaviour };
  }

  /** Schedules the automatic lifecycle of an accepted send; resolves early with the `sent` delivery when it must precede the response. */
  async afterSend(message: SentMessage): Promise<void> {
    if (message.failureCode !== undefined) {
      const code = message.failureCode;
      this.scheduler.after(this.behaviour.delayMs, () => this.emit(message.wamid, 'failed', { errorCode: code, errorDetails: message.failureDetails }));
      return;
    }
    const last = PROGRESSION.indexOf(this.behaviour.upTo as (typeof PROGRESSION)[number]);
    if (last < 0) return;
    let steps: StatusName[] = PROGRESSION.slice(0, last + 1);
    if (this.behaviour.order === 'reverse') steps = steps.reverse();
    if (this.behaviour.sentBeforeResponse && steps[0] === 'sent') {
      // Bounded, so an app whose webhook handler waits for its own send cannot deadlock the simulator.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.emit(message.wamid, 'sent'), new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      steps = steps.slice(1);
    }
    steps.forEach((status, i) => this.scheduler.after(this.behaviour.delayMs * (i + 1), () => this.emit(message.wamid, status)));
  }

  emit(wamid: string, status: StatusName, opts: EmitStatusOptions = {}): Promise<WebhookDelivery> {
    return this.emitBatch([{ wamid, status, opts }]);
  }

  /** One webhook carrying several statuses; all must belong to the same phone number. */
  async emitBatch(items: { wamid: string; status: StatusName; opts?: EmitStatusOptions }[]): Promise<WebhookDelivery> {
    const messages = items.map((item) => {
      const message = this.store.sentByWamid.get(item.wamid);
      if (!message) throw new Error(`no sent message ${item.wamid}`);
      return message;
    });
    const phone = this.store.phones.get(messages[0].phoneNumberId);
    if (!phone || messages.some((m) => m.phoneNumberId !== phone.id)) throw new Error('statuses in one webhook must share a known phone number');
    const statuses = items.map((item, i) => this.statusItem(messages[i], item.status, item.opts ?? {}));
    return this.deliverer.deliver({
      kind: 'status',
      body: messagesEnvelope(phone, { statuses }),
      lane: items.length === 1 ? `status:${items[0].wamid}` : undefined,
      route: webhookRoute(this.store, this.appId, phone.wabaId),
      wamids: items.map((i) => i.wamid),
    });
  }

  private statusItem(message: SentMessage, status: StatusName, opts: EmitStatusOptions): Record<string, unknown> {
    const item: Record<string, unknown> = { id: message.wamid, status, timestamp: String(opts.timestamp ?? nowSeconds()), recipient_id: message.waId };
    if (message.bizOpaqueCallbackData !== undefined) item.biz_opaque_callback_data = message.bizOpaqueCallbackData;
    if (status === 'failed') {
      const code = opts.errorCode ?? 131026;
      item.errors = [
        isMetaErrorCode(code)
          ? webhookError(code, opts.errorDetails)
          : {
              code,
              title: 'Error',
              message: 'Error',
              error_data: { details: opts.errorDetails ?? 'Error' },
              href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
            },
      ];
      return item;
    }
    const billing = this.billing(message);
    // Meta: conversation only with `sent` and one of delivered/read, and not at all from v24.0 (outside free entry points).
    if (status !== 'read' && majorVersion(message.version) < 24) {
      const conversation = this.store.conversationFor(message.phoneNumberId, message.waId, billing.category);
      item.conversation = { id: conversation.id, ...(status === 'sent' ? { expiration_timestamp: String(conversation.expiresAt) } : {}), origin: { type: billing.category } };
    }
    item.pricing = billing;
    return item;
  }

  /** Per-message pricing (PMP): templates are billed by their category; replies in the service window are free. */
  private billing(message: SentMessage): { billable: boolean; pricing_model: 'PMP'; type: string; category: string } {
    if (message.type !== 'template') return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
    const template = message.body.template as { name?: string; language?: { code?: string } } | undefined;
    const record = template?.name ? this.store.findTemplate(message.wabaId, template.name, template.language?.code ?? '') : undefined;
    return { billable: true, pricing_model: 'PMP', type: 'regular', category: (record?.category ?? 'MARKETING').toLowerCase() };
  }
}

function majorVersion(version: string): number {
  return Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
}
