import type { Logger } from 'pino';
import { AppError } from '../../../domain/errors';
import type { ApiDeps } from '../../deps';
import { maskPhone } from '../../../infra/logger';
import { phoneLookupIndexes } from '../../../db/contacts/phone-identity';
import { inboundConversationSeed } from '../../../db/system/conversation-seed';
import { conversationActor } from '../../../actors/conversation';
import { hmacSha256Matches } from '../signature';
import { changesByNumber, ZMetaEnvelopeSchema } from './meta-envelope';
import type { NumberDirectory } from './number-directory';
import type { StatusCoalescer } from './status-coalescer';

export interface MetaWebhookDeps {
  deps: ApiDeps;
  numbers: NumberDirectory;
  statuses: StatusCoalescer;
  onUnknownNumber: () => void;
}

/**
 * Verifies `X-Hub-Signature-256` over the exact bytes, then hands every message to its conversation
 * actor and every status to its number's channel actor before answering: a 200 means durable.
 */
export async function receiveMetaWebhook(
  { deps, numbers, statuses, onUnknownNumber }: MetaWebhookDeps,
  raw: Buffer | undefined,
  signatureHeader: string,
): Promise<{ messages: number; statuses: number }> {
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader)?.[1];
  if (!raw || !signature || !hmacSha256Matches(raw, deps.config.meta.appSecret, signature)) {
    throw new AppError('invalid_signature', 'The X-Hub-Signature-256 header does not match the body');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('malformed_json', 'The webhook body is not valid JSON');
  }
  const envelope = ZMetaEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new AppError('validation_failed', 'The webhook body is not a WhatsApp Business Account event');

  const conversations = conversationActor(deps);
  const handoffs: Promise<void>[] = [];
  let messageCount = 0;
  let statusCount = 0;
  for (const change of changesByNumber(envelope.data)) {
    const tenantId = await numbers.tenantOf(change.phoneNumberId);
    if (!tenantId) {
      onUnknownNumber();
      logUnknown(deps.logger, change.phoneNumberId);
      continue;
    }
    for (const message of change.messages) {
      messageCount++;
      handoffs.push(
        inboundConversationSeed(deps.db.system, tenantId, change.phoneNumberId, phoneLookupIndexes(deps.config, tenantId, message.from)).then((seed) =>
          conversations.signalInbound({ tenantId, phoneNumberId: change.phoneNumberId, phone: message.from, seed }, message),
        ),
      );
    }
    if (change.statuses.length) {
      statusCount += change.statuses.length;
      handoffs.push(statuses.add(tenantId, change.phoneNumberId, change.statuses));
    }
  }
  await Promise.all(handoffs);
  if (messageCount) deps.logger.debug({ messages: messageCount, from: envelope.data.entry.length }, 'webhook messages handed off');
  return { messages: messageCount, statuses: statusCount };
}

function logUnknown(logger: Logger, phoneNumberId: string): void {
  logger.warn({ phoneNumberId: maskPhone(phoneNumberId) }, 'webhook for a phone number id no workspace owns; acknowledged');
}
