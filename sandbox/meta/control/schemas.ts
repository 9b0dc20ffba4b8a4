import { z } from 'zod';
import type { InboundMessageInput } from '../types';

const common = {
  id: z.string().optional(),
  timestamp: z.number().int().optional(),
  replyTo: z.string().optional(),
  forwarded: z.union([z.boolean(), z.literal('frequently')]).optional(),
  referral: z.record(z.string(), z.unknown()).optional(),
};

const media = {
  caption: z.string().optional(),
  mimeType: z.string().optional(),
  /** Bytes over HTTP. */
  dataBase64: z.string().optional(),
  filename: z.string().optional(),
  animated: z.boolean().optional(),
  voice: z.boolean().optional(),
};

const ZInbound = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), body: z.string().min(1), ...common }),
  z.object({ type: z.enum(['image', 'video', 'audio', 'document', 'sticker']), ...media, ...common }),
  z.object({
    type: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
    ...common,
  }),
  z.object({ type: z.literal('contacts'), contacts: z.array(z.record(z.string(), z.unknown())).min(1), ...common }),
  z.object({ type: z.literal('button_reply'), buttonId: z.string().min(1), title: z.string().min(1), ...common }),
  z.object({ type: z.literal('list_reply'), rowId: z.string().min(1), title: z.string().min(1), description: z.string().optional(), ...common }),
  z.object({ type: z.literal('button'), payload: z.string(), text: z.string(), ...common }),
  z.object({ type: z.literal('reaction'), messageId: z.string().min(1), emoji: z.string().optional(), ...common }),
  z.object({ type: z.literal('unsupported'), ...common }),
]);

export const ZInboundRequest = z.object({
  phoneNumberId: z.string().min(1),
  from: z.string().min(6),
  name: z.string().optional(),
  message: z.union([z.string().min(1), ZInbound]),
});

export function toInboundInput(message: z.infer<typeof ZInboundRequest>['message']): InboundMessageInput | string {
  if (typeof message === 'string' || !('dataBase64' in message)) return message as InboundMessageInput | string;
  const { dataBase64, ...rest } = message;
  return { ...rest, ...(dataBase64 ? { data: Buffer.from(dataBase64, 'base64') } : {}) };
}

export const ZCreateAccount = z.strictObject({
  wabaId: z.string().optional(),
  phoneNumberId: z.string().optional(),
  displayPhoneNumber: z.string().optional(),
  verifiedName: z.string().optional(),
  wabaName: z.string().optional(),
  subscribed: z.boolean().optional(),
  registered: z.boolean().optional(),
  token: z.string().optional(),
});

export const ZStatusBehaviour = z.strictObject({
  upTo: z.enum(['none', 'sent', 'delivered', 'read']).optional(),
  delayMs: z.number().int().nonnegative().optional(),
  order: z.enum(['normal', 'reverse']).optional(),
  sentBeforeResponse: z.boolean().optional(),
});

export const ZEmitStatus = z.strictObject({
  wamid: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  errorCode: z.number().int().optional(),
  errorDetails: z.string().optional(),
  timestamp: z.number().int().optional(),
});
