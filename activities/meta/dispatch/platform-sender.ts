import { ApplicationFailure } from '@temporalio/common';
import type { Knex } from 'knex';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '../../../config';
import { claimPlatformNotification, markPlatformFailure, markPlatformSent, platformDeliveryState } from '../../../db/system/platform-delivery-ledger';
import type { PlatformTemplateMessage } from '../../../domain/platform-templates';
import type { GraphClient } from '../../../integrations/meta/graph-client';
import { currentActivity } from './activity-context';
import { classifySendError, rejectedFailure } from './classify';
import { takeSendToken } from './rate-limit';

export interface PlatformDelivery {
  idempotencyKey: string;
  /** E.164, with the plus. */
  to: string;
  template: PlatformTemplateMessage;
}

export interface PlatformSenderDeps {
  system: Knex;
  graph: GraphClient;
  platform: AppConfig['platform'];
  limiter: RateLimiterAbstract;
  sendTimeoutMs?: number;
  /** How long a claimed send waits before another attempt may assume it died; default 30 s. */
  staleMs?: number;
}

/**
 * The dispatcher's path for the platform's own messages (sign-up codes, trial reminders): sent from
 * the platform's number (`PLATFORM_PHONE_NUMBER_ID`, `PLATFORM_WA_TOKEN`) as approved templates,
 * since the recipient has no open 24-hour window. It runs inside an activity: failures are thrown as
 * Temporal failures (retryable or not, as for tenant sends), and the notification's row is the ledger.
 */
export function createPlatformSender(deps: PlatformSenderDeps) {
  const { phoneNumberId, waToken } = deps.platform;
  const staleMs = deps.staleMs ?? 30_000;

  async function deliver(input: PlatformDelivery): Promise<{ waMessageId?: string }> {
    if (!phoneNumberId || !waToken) return {};
    if (!(await claimPlatformNotification(deps.system, input.idempotencyKey, staleMs))) {
      const state = await platformDeliveryState(deps.system, input.idempotencyKey);
      if (state.status === 'sent') return { waMessageId: state.waMessageId };
      if (state.status === 'failed') throw rejectedFailure(state.errorCode);
      if (state.status === 'missing') throw ApplicationFailure.nonRetryable('No platform notification is recorded under this key', 'platform_notification_missing');
      throw ApplicationFailure.create({ type: 'send_in_flight', message: 'An earlier attempt may still reach Meta', nextRetryDelay: staleMs });
    }
    await takeSendToken(deps.limiter, phoneNumberId, 2_000);
    let response: { messages?: { id?: string }[] };
    try {
      response = await deps.graph.request({
        method: 'POST',
        path: `${phoneNumberId}/messages`,
        token: waToken,
        body: platformGraphMessage(input),
        timeoutMs: deps.sendTimeoutMs ?? 8_000,
        signal: currentActivity()?.cancellationSignal,
      });
    } catch (err) {
      const failure = classifySendError(err);
      await markPlatformFailure(deps.system, input.idempotencyKey, failure.code, failure.outcome !== 'rejected');
      throw failure.failure;
    }
    const waMessageId = response.messages?.[0]?.id;
    if (!waMessageId) {
      await markPlatformFailure(deps.system, input.idempotencyKey, 'malformed', true);
      throw ApplicationFailure.create({ type: 'meta_retryable', message: 'Meta answered without a message id' });
    }
    await markPlatformSent(deps.system, input.idempotencyKey, waMessageId);
    return { waMessageId };
  }

  return { configured: Boolean(phoneNumberId && waToken), deliver };
}

export type PlatformSender = ReturnType<typeof createPlatformSender>;

/** An authentication or utility template in Meta's send format; the code also fills the copy-code button. */
export function platformGraphMessage(input: PlatformDelivery) {
  const { name, language, bodyParameters, buttonParameter } = input.template;
  const components: Record<string, unknown>[] = [{ type: 'body', parameters: bodyParameters.map((text) => ({ type: 'text', text })) }];
  if (buttonParameter !== undefined) components.push({ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: buttonParameter }] });
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: input.to.replace(/^\+/, ''),
    type: 'template',
    template: { name, language: { code: language }, components },
  };
}
