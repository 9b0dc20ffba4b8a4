import type { TMessageContent } from '../../../domain/messages';

/** The body of `POST /{phone_number_id}/messages` (EXTERNAL-APIS §1.5). */
export interface GraphMessage {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: string;
  biz_opaque_callback_data: string;
  context?: { message_id: string };
  [part: string]: unknown;
}

/**
 * Our content in Meta's wire format. `biz_opaque_callback_data` carries our message id so every status
 * webhook names the message even when we never stored the wamid (see reconcileFromStatus).
 */
export function toGraphMessage(content: TMessageContent, to: string, messageId: string, replyToWaMessageId?: string): GraphMessage {
  const base = {
    messaging_product: 'whatsapp' as const,
    recipient_type: 'individual' as const,
    to: to.replace(/^\+/, ''),
    biz_opaque_callback_data: messageId,
    ...(replyToWaMessageId ? { context: { message_id: replyToWaMessageId } } : {}),
  };
  switch (content.type) {
    case 'text':
      return { ...base, type: 'text', text: { body: content.text.body, preview_url: content.text.previewUrl ?? false } };
    case 'template': {
      const { name, language, variables } = content.template;
      const components = variables.length ? [{ type: 'body', parameters: variables.map((text) => ({ type: 'text', text })) }] : undefined;
      return { ...base, type: 'template', template: { name, language: { code: language }, ...(components ? { components } : {}) } };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document': {
      const { link, id, caption, filename } = content.media;
      // Meta refuses keys a type does not have: audio takes no caption, only documents take a filename.
      const media = {
        ...(id ? { id } : { link }),
        ...(caption && content.type !== 'audio' ? { caption } : {}),
        ...(filename && content.type === 'document' ? { filename } : {}),
      };
      return { ...base, type: content.type, [content.type]: media };
    }
    case 'buttons': {
      const { body, footer, options } = content.buttons;
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: body },
          ...(footer ? { footer: { text: footer } } : {}),
          action: { buttons: options.map((o) => ({ type: 'reply', reply: { id: o.id, title: o.title } })) },
        },
      };
    }
    case 'list': {
      const { body, button, sections } = content.list;
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: body },
          action: {
            button,
            sections: sections.map((s) => ({
              ...(s.title ? { title: s.title } : {}),
              rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
            })),
          },
        },
      };
    }
  }
}
