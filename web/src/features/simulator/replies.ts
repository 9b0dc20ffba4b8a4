import type { BusinessMessage, CustomerMessageInput, PreviewButton, PreviewListRow } from './sim-client';

export interface Reply {
  message: CustomerMessageInput;
  /** What the customer's bubble shows. */
  text: string;
  quote: string;
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** A short line standing for a business message, for the quote above a reply. */
export function summaryOf(message: BusinessMessage): string {
  const p = message.preview;
  const line = p.text ?? p.header ?? p.media?.caption ?? p.media?.filename ?? (p.template ? `Template ${p.template.name}` : message.type);
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/**
 * Template quick replies come back as a `button` message carrying the payload (Meta falls back to the
 * button text when the template was sent without one); interactive reply buttons as a button_reply.
 */
export function buttonReply(message: BusinessMessage, button: PreviewButton): Reply {
  const quote = summaryOf(message);
  if (message.preview.template) {
    return { message: { type: 'button', payload: button.payload ?? button.title, text: button.title, replyTo: message.wamid }, text: button.title, quote };
  }
  return { message: { type: 'button_reply', buttonId: button.id ?? button.title, title: button.title, replyTo: message.wamid }, text: button.title, quote };
}

export function listReply(message: BusinessMessage, row: PreviewListRow): Reply {
  return {
    message: { type: 'list_reply', rowId: row.id, title: row.title, description: row.description, replyTo: message.wamid },
    text: row.title,
    quote: summaryOf(message),
  };
}

/** The picked file as the simulator's inbound image (bytes as base64), or why it cannot be sent. */
export async function imageMessage(file: File, caption?: string): Promise<CustomerMessageInput> {
  if (!file.type.startsWith('image/')) throw new Error('Choose an image file (JPEG or PNG).');
  if (file.size > MAX_IMAGE_BYTES) throw new Error('WhatsApp images can be at most 5 MB.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { type: 'image', mimeType: file.type, dataBase64: btoa(binary), filename: file.name, ...(caption ? { caption } : {}) };
}
