import { z } from 'zod';
import type { RazorpayEventSignal } from '../../domain/subscription-events';

/** Razorpay's envelope, read leniently: we keep what the subscription workflow needs and drop the rest. */
const ZEntity = <T extends z.ZodRawShape>(shape: T) => z.object({ entity: z.object(shape).loose() });

export const ZRazorpayEnvelopeSchema = z
  .object({
    entity: z.literal('event'),
    event: z.string().min(1),
    created_at: z.number(),
    payload: z
      .object({
        subscription: ZEntity({
          id: z.string(),
          status: z.string(),
          plan_id: z.string(),
          current_start: z.number().nullish(),
          current_end: z.number().nullish(),
          ended_at: z.number().nullish(),
          paid_count: z.number().nullish(),
          notes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
        }).optional(),
        payment: ZEntity({
          id: z.string(),
          amount: z.number(),
          currency: z.string(),
          status: z.string(),
          invoice_id: z.string().nullish(),
          method: z.string().nullish(),
          error_code: z.string().nullish(),
          error_description: z.string().nullish(),
          created_at: z.number(),
        }).optional(),
      })
      .loose(),
  })
  .loose();
export type TRazorpayEnvelope = z.infer<typeof ZRazorpayEnvelopeSchema>;

export function toEventSignal(eventId: string, envelope: TRazorpayEnvelope): RazorpayEventSignal {
  const sub = envelope.payload.subscription?.entity;
  const pay = envelope.payload.payment?.entity;
  return {
    eventId,
    event: envelope.event,
    createdAt: envelope.created_at,
    subscription: sub && {
      id: sub.id,
      status: sub.status,
      planId: sub.plan_id,
      currentStart: sub.current_start ?? null,
      currentEnd: sub.current_end ?? null,
      paidCount: sub.paid_count ?? 0,
      endedAt: sub.ended_at ?? null,
    },
    payment: pay && {
      id: pay.id,
      amountMinor: pay.amount,
      currency: pay.currency,
      status: pay.status,
      invoiceId: pay.invoice_id ?? null,
      method: pay.method ?? null,
      errorCode: pay.error_code ?? null,
      errorDescription: pay.error_description ?? null,
      createdAt: pay.created_at,
    },
  };
}

/** Our tenant id travels in the subscription's notes (set when we created it). */
export function tenantIdFromNotes(envelope: TRazorpayEnvelope): string | undefined {
  const notes = envelope.payload.subscription?.entity.notes;
  const value = notes && !Array.isArray(notes) ? notes.tenant_id : undefined;
  return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : undefined;
}
