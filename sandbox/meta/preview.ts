import type { SendMessageBody } from './graph/send-schema';
import type { SimStore } from './state/store';
import { componentText, fill, templateButtons } from './graph/template-placeholders';
import type { MessagePreview } from './types';

type TemplateParam = { type: string; text?: string; payload?: string; parameter_name?: string; currency?: { fallback_value: string }; date_time?: { fallback_value: string } };

function paramValue(p: TemplateParam): { name?: string; value: string } {
  const value = p.text ?? p.currency?.fallback_value ?? p.date_time?.fallback_value ?? p.payload ?? '';
  return { name: p.parameter_name, value };
}

/** What the customer's phone would show, so the web phone simulator can render business messages. */
export function previewOf(store: SimStore, wabaId: string, body: SendMessageBody): MessagePreview {
  switch (body.type) {
    case 'text':
      return { text: body.text?.body };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = body[body.type] as { id?: string; link?: string; caption?: string; filename?: string };
      return { media: { type: body.type, id: media.id, link: media.link, caption: media.caption, filename: media.filename } };
    }
    case 'reaction':
      return { reaction: { messageId: body.reaction!.message_id, emoji: body.reaction!.emoji } };
    case 'location': {
      const l = body.location!;
      return { location: { latitude: Number(l.latitude), longitude: Number(l.longitude), name: l.name, address: l.address } };
    }
    case 'contacts':
      return { text: body.contacts!.map((c) => c.name.formatted_name).join(', ') };
    case 'interactive': {
      const i = body.interactive!;
      const header = i.header?.type === 'text' ? i.header.text : undefined;
      const base: MessagePreview = { text: i.body.text, header, footer: i.footer?.text };
      if (i.type === 'button') return { ...base, buttons: i.action.buttons.map((b) => ({ id: b.reply.id, title: b.reply.title })) };
      if (i.type === 'list') return { ...base, list: { button: i.action.button, sections: i.action.sections } };
      return { ...base, buttons: [{ title: i.action.parameters.display_text, url: i.action.parameters.url }] };
    }
    case 'template': {
      const t = body.template!;
      const record = store.findTemplate(wabaId, t.name, t.language.code);
      const preview: MessagePreview = { template: { name: t.name, language: t.language.code } };
      if (!record) return preview;
      const params = (type: string) => ((t.components ?? []).find((c) => c.type === type)?.parameters ?? []) as TemplateParam[];
      preview.header = fill(componentText(record, 'HEADER'), params('header').map(paramValue));
      preview.text = fill(componentText(record, 'BODY'), params('body').map(paramValue));
      preview.footer = componentText(record, 'FOOTER');
      const buttons = templateButtons(record);
      if (buttons.length > 0) {
        preview.buttons = buttons.map((b, index) => {
          const sent = (t.components ?? []).find((c) => c.type === 'button' && Number(c.index) === index);
          const payload = (sent?.parameters?.[0] as TemplateParam | undefined)?.payload;
          return { title: b.text, ...(payload ? { payload } : {}), ...(b.url ? { url: b.url } : {}) };
        });
      }
      return preview;
    }
  }
}
