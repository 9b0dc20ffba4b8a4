import { newWamid, nowSeconds } from '../state/ids';
import type { PhoneNumber, SimStore } from '../state/store';
import type { CustomerRef, InboundMessageInput } from '../types';
import { DEFAULT_MEDIA } from './placeholder-media';

export interface Customer {
  waId: string;
  name: string;
}

export function customerOf(ref: CustomerRef): Customer {
  const waId = (typeof ref === 'string' ? ref : ref.waId).replace(/\D/g, '');
  if (waId.length < 6 || waId.length > 15) throw new Error(`customer number must have 6–15 digits, got ${JSON.stringify(ref)}`);
  const name = typeof ref === 'string' || !ref.name ? `Customer ${waId.slice(-4)}` : ref.name;
  return { waId, name };
}

/** Turns the simulator's input into one `messages[]` item, creating downloadable media where the type has some. */
export function buildInboundMessage(store: SimStore, phone: PhoneNumber, customer: Customer, input: InboundMessageInput): Record<string, unknown> {
  const message: Record<string, unknown> = {
    from: customer.waId,
    id: input.id ?? newWamid(customer.waId),
    timestamp: String(input.timestamp ?? nowSeconds()),
    type: input.type === 'button_reply' || input.type === 'list_reply' ? 'interactive' : input.type,
  };
  const replyTo = (type?: string) => input.replyTo ?? store.lastSentTo(phone.id, customer.waId, type)?.wamid;
  const context = (id: string | undefined) => {
    if (id) message.context = { from: phone.displayPhoneNumber, id };
  };

  switch (input.type) {
    case 'text':
      message.text = { body: input.body };
      context(input.replyTo);
      break;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const fallback = DEFAULT_MEDIA[input.type];
      const mimeType = input.mimeType ?? fallback.mimeType;
      const filename = input.filename ?? (input.type === 'document' ? fallback.filename : undefined);
      const media = store.addMedia(phone.id, input.data ? Buffer.from(input.data) : fallback.bytes(), mimeType, filename);
      const body: Record<string, unknown> = { mime_type: mimeType, sha256: media.sha256, id: media.id };
      if (input.caption !== undefined && input.type !== 'audio' && input.type !== 'sticker') body.caption = input.caption;
      if (input.type === 'document') body.filename = filename;
      if (input.type === 'sticker') body.animated = input.animated ?? false;
      if (input.type === 'audio') body.voice = input.voice ?? true;
      message[input.type] = body;
      context(input.replyTo);
      break;
    }
    case 'location':
      message.location = {
        latitude: input.latitude,
        longitude: input.longitude,
        ...(input.name ? { name: input.name } : {}),
        ...(input.address ? { address: input.address } : {}),
        ...(input.url ? { url: input.url } : {}),
      };
      break;
    case 'contacts':
      message.contacts = input.contacts;
      break;
    case 'button_reply':
      message.interactive = { type: 'button_reply', button_reply: { id: input.buttonId, title: input.title } };
      context(replyTo('interactive'));
      break;
    case 'list_reply':
      message.interactive = { type: 'list_reply', list_reply: { id: input.rowId, title: input.title, ...(input.description ? { description: input.description } : {}) } };
      context(replyTo('interactive'));
      break;
    case 'button':
      message.button = { payload: input.payload, text: input.text };
      context(replyTo('template'));
      break;
    case 'reaction':
      message.reaction = { message_id: input.messageId, ...(input.emoji ? { emoji: input.emoji } : {}) };
      break;
    case 'unsupported':
      message.errors = [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }];
      break;
  }
  if (input.forwarded)
    message.context = { ...(message.context as object | undefined), ...(input.forwarded === 'frequently' ? { forwarded: true, frequently_forwarded: true } : { forwarded: true }) };
  if (input.referral) message.referral = input.referral;
  return message;
}
