import type { SimStore } from './state/store';
import type { CustomerRef, InboundMessageInput, InboundResult, SimCustomer, WebhookDelivery } from './types';
import type { WebhookDeliverer } from './webhooks/deliverer';
import { buildInboundMessage, customerOf } from './webhooks/inbound';
import { messagesEnvelope } from './webhooks/payloads';
import { webhookRoute } from './webhooks/route';

/** The customer's side of a phone number: inbound messages become signed webhooks to the app. */
export function createCustomer(store: SimStore, deliverer: WebhookDeliverer, appId: string, phoneNumberId: string): SimCustomer {
  const phone = store.phones.get(phoneNumberId);
  if (!phone) throw new Error(`unknown phone number id ${phoneNumberId}; create it with createAccount() or the OAuth dialog`);

  return {
    phoneNumberId,

    async send(from: CustomerRef, input: InboundMessageInput | string): Promise<InboundResult> {
      const customer = customerOf(from);
      const message = buildInboundMessage(store, phone, customer, typeof input === 'string' ? { type: 'text', body: input } : input);
      store.lastInbound.set(`${phone.id}:${customer.waId}`, Date.now());
      const payload = messagesEnvelope(phone, { contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }], messages: [message] });
      const delivery = await deliverer.deliver({
        kind: 'message',
        body: payload,
        lane: `inbound:${phone.id}:${customer.waId}`,
        route: webhookRoute(store, appId, phone.wabaId),
        wamids: [message.id as string],
      });
      return { wamid: message.id as string, payload, delivery };
    },

    sendRaw(body, opts = {}): Promise<WebhookDelivery> {
      return deliverer.deliver({ kind: 'raw', body, signature: opts.signature ?? 'valid' });
    },
  };
}
