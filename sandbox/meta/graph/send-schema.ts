import { z } from 'zod';

/** Body schemas for POST /{phone-number-id}/messages, with Meta's documented limits (EXTERNAL-APIS §1.5). */

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, { message: 'Param {param} must be a valid http(s) URL.' });

function exactlyOneSource(m: { id?: string; link?: string }): boolean {
  return (m.id ? 1 : 0) + (m.link ? 1 : 0) === 1;
}
const ONE_SOURCE = { message: 'Param {param} must have exactly one of id or link.' };

const mediaObject = <T extends z.ZodRawShape>(extra: T) =>
  z.strictObject({ id: z.string().min(1).optional(), link: httpUrl.optional(), ...extra }).refine((m) => exactlyOneSource(m as { id?: string; link?: string }), ONE_SOURCE);

export const ZImage = mediaObject({ caption: z.string().max(1024).optional() });
export const ZVideo = mediaObject({ caption: z.string().max(1024).optional() });
export const ZAudio = mediaObject({});
export const ZSticker = mediaObject({});
export const ZDocument = mediaObject({ caption: z.string().max(1024).optional(), filename: z.string().min(1).max(240).optional() });

const ZText = z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() });

const ZReaction = z.strictObject({ message_id: z.string().min(1), emoji: z.string() });

const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
const ZLocation = z.strictObject({ latitude: coordinate, longitude: coordinate, name: z.string().optional(), address: z.string().optional() });

const ZContactCard = z.looseObject({
  name: z.looseObject({ formatted_name: z.string().min(1), first_name: z.string().optional(), last_name: z.string().optional() }),
  phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
});
const ZContacts = z.array(ZContactCard).min(1);

const ZInteractiveHeader = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) }),
  z.strictObject({ type: z.literal('image'), image: ZImage }),
  z.strictObject({ type: z.literal('video'), video: ZVideo }),
  z.strictObject({ type: z.literal('document'), document: ZDocument }),
]);
const ZBody = z.strictObject({ text: z.string().min(1).max(1024) });
const ZFooter = z.strictObject({ text: z.string().min(1).max(60) });

const ZButtonAction = z
  .strictObject({
    buttons: z
      .array(z.strictObject({ type: z.literal('reply'), reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }))
      .min(1)
      .max(3),
  })
  .refine((a) => new Set(a.buttons.map((b) => b.reply.id)).size === a.buttons.length, { message: "Param {param}['buttons'] must have unique reply ids." });

const ZListAction = z
  .strictObject({
    button: z.string().min(1).max(20),
    sections: z
      .array(
        z.strictObject({
          title: z.string().min(1).max(24).optional(),
          rows: z
            .array(z.strictObject({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() }))
            .min(1)
            .max(10),
        }),
      )
      .min(1)
      .max(10),
  })
  .refine((a) => a.sections.reduce((n, s) => n + s.rows.length, 0) <= 10, { message: "Param {param}['sections'] must contain at most 10 rows in total." })
  .refine((a) => a.sections.length === 1 || a.sections.every((s) => s.title), { message: "Param {param}['sections'] must all have a title when there is more than one." })
  .refine((a) => new Set(a.sections.flatMap((s) => s.rows.map((r) => r.id))).size === a.sections.reduce((n, s) => n + s.rows.length, 0), {
    message: "Param {param}['sections'] must have unique row ids.",
  });

const ZCtaUrlAction = z.strictObject({ name: z.literal('cta_url'), parameters: z.strictObject({ display_text: z.string().min(1).max(20), url: httpUrl }) });

const ZInteractive = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('button'), header: ZInteractiveHeader.optional(), body: ZBody, footer: ZFooter.optional(), action: ZButtonAction }),
  z.strictObject({
    type: z.literal('list'),
    header: z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
    body: ZBody,
    footer: ZFooter.optional(),
    action: ZListAction,
  }),
  z.strictObject({ type: z.literal('cta_url'), header: ZInteractiveHeader.optional(), body: ZBody, footer: ZFooter.optional(), action: ZCtaUrlAction }),
]);

const ZTemplateParameter = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(32768), parameter_name: z.string().optional() }),
  z.strictObject({
    type: z.literal('currency'),
    currency: z.strictObject({ fallback_value: z.string(), code: z.string().length(3), amount_1000: z.number().int() }),
    parameter_name: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('date_time'), date_time: z.looseObject({ fallback_value: z.string() }), parameter_name: z.string().optional() }),
  z.strictObject({ type: z.literal('image'), image: ZImage }),
  z.strictObject({ type: z.literal('video'), video: ZVideo }),
  z.strictObject({ type: z.literal('document'), document: ZDocument }),
  z.strictObject({ type: z.literal('location'), location: ZLocation }),
  z.strictObject({ type: z.literal('payload'), payload: z.string().min(1).max(1000) }),
  z.strictObject({ type: z.literal('coupon_code'), coupon_code: z.string().min(1).max(15) }),
  z.strictObject({ type: z.literal('action'), action: z.record(z.string(), z.unknown()) }),
]);

const buttonIndex = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);

const ZTemplateComponent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), parameters: z.array(ZTemplateParameter).min(1).max(1) }),
  z.strictObject({ type: z.literal('body'), parameters: z.array(ZTemplateParameter) }),
  z.strictObject({
    type: z.literal('button'),
    sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call']),
    index: buttonIndex,
    parameters: z.array(ZTemplateParameter).optional(),
  }),
]);

export const ZTemplate = z.strictObject({
  name: z.string().min(1).max(512),
  language: z.strictObject({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z.array(ZTemplateComponent).optional(),
});

export const MESSAGE_TYPES = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'template', 'interactive', 'reaction', 'location', 'contacts'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const ZSendMessage = z
  .strictObject({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().min(1),
    // Graph defaults an omitted type to text.
    type: z.enum(MESSAGE_TYPES).default('text'),
    context: z.strictObject({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(512).optional(),
    text: ZText.optional(),
    image: ZImage.optional(),
    audio: ZAudio.optional(),
    video: ZVideo.optional(),
    document: ZDocument.optional(),
    sticker: ZSticker.optional(),
    template: ZTemplate.optional(),
    interactive: ZInteractive.optional(),
    reaction: ZReaction.optional(),
    location: ZLocation.optional(),
    contacts: ZContacts.optional(),
  })
  .superRefine((body, ctx) => {
    if (body[body.type] === undefined) ctx.addIssue({ code: 'custom', path: [body.type], message: `The parameter ${body.type} is required.` });
  });

export type SendMessageBody = z.infer<typeof ZSendMessage>;

/** Mark-as-read (optionally with a typing indicator) shares the endpoint. */
export const ZMarkRead = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().regex(/^wamid\./, { message: 'Param message_id must be a WhatsApp message id (wamid.…).' }),
  typing_indicator: z.strictObject({ type: z.literal('text') }).optional(),
});
