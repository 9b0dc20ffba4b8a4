import { z } from 'zod';
import type { DeliveryStatus, InboundMessage } from '../../../domain/messages';

/** Meta's `whatsapp_business_account` envelope, read leniently: unknown fields pass, known ones are checked. */
const ZInbound = z
  .object({
    from: z.string().regex(/^\d{6,20}$/),
    id: z.string().min(1).max(256),
    timestamp: z.string(),
    type: z.string(),
    context: z.object({ id: z.string().optional(), forwarded: z.boolean().optional() }).loose().optional(),
  })
  .loose();
const ZStatus = z
  .object({
    id: z.string().min(1).max(256),
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    timestamp: z.string(),
    biz_opaque_callback_data: z.string().max(512).optional(),
    errors: z
      .array(
        z
          .object({ code: z.number(), title: z.string().optional(), message: z.string().optional(), error_data: z.object({ details: z.string().optional() }).loose().optional() })
          .loose(),
      )
      .optional(),
  })
  .loose();
const ZValue = z
  .object({
    metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).loose(),
    contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).loose().optional() }).loose()).optional(),
    messages: z.array(ZInbound).optional(),
    statuses: z.array(ZStatus).optional(),
  })
  .loose();

export const ZMetaEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), changes: z.array(z.object({ field: z.string(), value: z.unknown() }).loose()) }).loose()),
});

export interface ChangeForNumber {
  phoneNumberId: string;
  messages: InboundMessage[];
  statuses: DeliveryStatus[];
}

/** Splits an envelope into per-number inbound messages and statuses in our own shapes. */
export function changesByNumber(envelope: z.infer<typeof ZMetaEnvelopeSchema>): ChangeForNumber[] {
  const out: ChangeForNumber[] = [];
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = ZValue.safeParse(change.value);
      if (!value.success) continue;
      const { metadata, contacts = [], messages = [], statuses = [] } = value.data;
      const names = new Map(contacts.map((c) => [c.wa_id, c.profile?.name ?? null]));
      out.push({
        phoneNumberId: metadata.phone_number_id,
        messages: messages.map((m) => toInbound(metadata.phone_number_id, m, names.get(m.from) ?? null)),
        statuses: statuses.map(toStatus),
      });
    }
  }
  return out;
}

function toInbound(phoneNumberId: string, m: z.infer<typeof ZInbound>, profileName: string | null): InboundMessage {
  const body = (m as Record<string, unknown>)[m.type];
  return {
    waMessageId: m.id,
    phoneNumberId,
    from: `+${m.from}`,
    profileName,
    timestamp: Number(m.timestamp) || Math.floor(Date.now() / 1000),
    type: m.type,
    // Meta sends `contacts` as an array; content is always an object (`{contacts: [...]}`).
    content: Array.isArray(body) ? { [m.type]: body } : body && typeof body === 'object' ? (body as Record<string, unknown>) : {},
    context: m.context ? { messageId: m.context.id, forwarded: m.context.forwarded } : null,
  };
}

function toStatus(s: z.infer<typeof ZStatus>): DeliveryStatus {
  const error = s.errors?.[0];
  return {
    waMessageId: s.id,
    status: s.status,
    timestamp: Number(s.timestamp) || Math.floor(Date.now() / 1000),
    messageId: s.biz_opaque_callback_data ?? null,
    error: error ? { code: error.code, title: error.title ?? error.message ?? 'Failed', detail: error.error_data?.details ?? null } : null,
  };
}
