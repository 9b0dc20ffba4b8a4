import { z } from 'zod';
import { ZPhoneSchema } from './auth';

/** SPEC §3 `POST /messages/send`: the one way to send. */
/** A text message's body; also what the inbox composer checks before sending. */
export const ZTextBodySchema = z.string().min(1).max(4096);
const ZText = z.object({ type: z.literal('text'), text: z.object({ body: ZTextBodySchema, previewUrl: z.boolean().optional() }) });
const ZTemplate = z.object({
  type: z.literal('template'),
  template: z.object({
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    variables: z.array(z.string().max(1024)).max(50).default([]),
  }),
});
const ZMediaRef = z
  .object({
    /** Meta fetches it: only https, so the file never travels in clear (nor a file:, data: or javascript: URL). */
    link: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
    id: z.string().min(1).max(128).optional(),
    /** Our `media_files` id from `POST /media`; uploaded to Meta at send time. */
    fileId: z.uuid().optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .refine((m) => [m.link, m.id, m.fileId].filter((v) => v !== undefined).length === 1, { message: 'give exactly one of link, id or fileId' })
  .meta({ oneOf: [{ required: ['link'] }, { required: ['id'] }, { required: ['fileId'] }] });
const ZMedia = z.object({ type: z.enum(['image', 'video', 'audio', 'document']), media: ZMediaRef });
const ZButtons = z.object({
  type: z.literal('buttons'),
  buttons: z.object({
    body: z.string().min(1).max(1024),
    footer: z.string().max(60).optional(),
    options: z
      .array(z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }))
      .min(1)
      .max(3),
  }),
});
const ZList = z.object({
  type: z.literal('list'),
  list: z.object({
    body: z.string().min(1).max(1024),
    button: z.string().min(1).max(20),
    sections: z
      .array(
        z.object({
          title: z.string().max(24).optional(),
          rows: z
            .array(z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() }))
            .min(1)
            .max(10),
        }),
      )
      .min(1)
      .max(10),
  }),
});

export const ZMessageContentSchema = z.discriminatedUnion('type', [ZText, ZTemplate, ZMedia, ZButtons, ZList]);
export type TMessageContent = z.infer<typeof ZMessageContentSchema>;

export const ZSendMessageSchema = z.intersection(
  z.object({
    to: ZPhoneSchema,
    phoneNumberId: z
      .string()
      .regex(/^\d{1,30}$/)
      .optional(),
  }),
  ZMessageContentSchema,
);
export type TSendMessage = z.infer<typeof ZSendMessageSchema>;

export const ZSendMessageResponseSchema = z.object({ messageId: z.uuid(), status: z.literal('queued'), conversationId: z.uuid() });
export type TSendMessageResponse = z.infer<typeof ZSendMessageResponseSchema>;

export const messageStatuses = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type TMessageStatus = (typeof messageStatuses)[number];

/** Status order for monotonic updates: a late `sent` never overwrites `read`; `failed` beats only queued/sent. */
export const statusRank: Record<TMessageStatus, number> = { received: 0, queued: 0, sent: 1, failed: 1.5, delivered: 2, read: 3 };

/** An inbound WhatsApp message reduced to what the conversation needs (from a Meta webhook). */
export interface InboundMessage {
  waMessageId: string;
  phoneNumberId: string;
  /** E.164, with the plus. */
  from: string;
  profileName: string | null;
  /** Unix seconds. */
  timestamp: number;
  type: string;
  /** The type's own object from Meta, e.g. `{ body }` for text, `{ id, mime_type, caption }` for media. */
  content: Record<string, unknown>;
  context: { messageId?: string; forwarded?: boolean } | null;
}

/** A delivery status from Meta, as the channel workflow applies it. */
export interface DeliveryStatus {
  waMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Unix seconds. */
  timestamp: number;
  /** Our message id, echoed back by Meta from `biz_opaque_callback_data`. */
  messageId: string | null;
  error: { code: number; title: string; detail: string | null } | null;
}
