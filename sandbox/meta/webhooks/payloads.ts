import type { PhoneNumber } from '../state/store';

/** The `value.metadata` of every messages-field webhook. */
export function metadataOf(phone: PhoneNumber): { display_phone_number: string; phone_number_id: string } {
  return { display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.id };
}

export interface MessagesValue {
  contacts?: { profile: { name: string }; wa_id: string }[];
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
  errors?: Record<string, unknown>[];
}

/** `{"object":"whatsapp_business_account","entry":[{id, changes:[{value, field:"messages"}]}]}` (EXTERNAL-APIS §1.3). */
export function messagesEnvelope(phone: PhoneNumber, value: MessagesValue): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: phone.wabaId, changes: [{ value: { messaging_product: 'whatsapp', metadata: metadataOf(phone), ...value }, field: 'messages' }] }],
  };
}

export interface TemplateStatusChange {
  event: string;
  templateId: string;
  name: string;
  language: string;
  category: string;
  reason: string;
}

/** message_template_status_update (§1.7): note `message_template_id` is a JSON number, and the entry has `time`. */
export function templateStatusEnvelope(wabaId: string, change: TemplateStatusChange): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'message_template_status_update',
            value: {
              event: change.event,
              message_template_id: Number(change.templateId),
              message_template_name: change.name,
              message_template_language: change.language,
              reason: change.reason,
              message_template_category: change.category,
            },
          },
        ],
      },
    ],
  };
}
