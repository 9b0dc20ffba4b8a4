import { AppError } from '../../domain/errors';
import { findTenantByRazorpaySubscription, razorpayEventSeen, recordRazorpayEvent } from '../../db/system/razorpay-plans';
import type { ApiDeps } from '../deps';
import { subscriptionActor } from '../../actors/subscription';
import { tenantIdFromNotes, toEventSignal, ZRazorpayEnvelopeSchema } from './razorpay-event';
import { hmacSha256Matches } from './signature';

export type WebhookOutcome = 'accepted' | 'duplicate' | 'unrouted' | 'ignored';

/**
 * Verifies a Razorpay webhook over its raw bytes, drops repeats of an event id, and hands the event
 * durably to the tenant's subscription workflow before answering. Anything refused changes nothing.
 */
export async function receiveRazorpayWebhook(deps: ApiDeps, raw: Buffer | undefined, signature: string, eventId: string): Promise<WebhookOutcome> {
  if (!raw || !signature || !hmacSha256Matches(raw, deps.config.razorpay.webhookSecret, signature)) {
    throw new AppError('invalid_signature', 'The X-Razorpay-Signature header does not match the body');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('malformed_json', 'The webhook body is not valid JSON');
  }
  const parsed = ZRazorpayEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new AppError('validation_failed', 'The webhook body is not a Razorpay event');
  const envelope = parsed.data;
  if (!eventId) throw new AppError('validation_failed', 'x-razorpay-event-id is missing');
  if (await razorpayEventSeen(deps.db.system, eventId)) return 'duplicate';

  const subscriptionId = envelope.payload.subscription?.entity.id;
  if (!subscriptionId) return 'ignored';
  const tenantId = (await findTenantByRazorpaySubscription(deps.db.system, subscriptionId)) ?? tenantIdFromNotes(envelope);
  if (!tenantId) {
    deps.logger.warn({ event: envelope.event, eventId }, 'razorpay webhook for an unknown subscription');
    await recordRazorpayEvent(deps.db.system, eventId, envelope.event, null);
    return 'unrouted';
  }

  await subscriptionActor(deps).signalRazorpayEvent(tenantId, toEventSignal(eventId, envelope));
  // Recorded after the hand-off: if we crash in between, Razorpay redelivers and the workflow dedupes.
  await recordRazorpayEvent(deps.db.system, eventId, envelope.event, tenantId);
  return 'accepted';
}
