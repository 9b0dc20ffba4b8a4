import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config';
import { temporalConnectOptions } from '../../config/temporal-connection';
import { changesByNumber, ZMetaEnvelopeSchema } from '../../api/webhooks/meta/meta-envelope';
import { conversationActor, conversationStart } from '../../actors/conversation';
import { newConversationSeed } from '../../domain/conversation';
import type { InboundMessage } from '../../domain/messages';
import { encryptedDataConverter } from '../../infra/codec/encryption-codec';
import type { SignedWebhook } from './inbound';

/** What the API reads from Postgres for a contact it has never seen (the case of every bench message). */
const NEW_CONTACT_SEED = newConversationSeed;

/** The InboundMessage the API's own parser makes of a webhook body, so phase 1 carries the same bytes. */
export function inboundMessageOf(webhook: SignedWebhook): InboundMessage {
  const [change] = changesByNumber(ZMetaEnvelopeSchema.parse(JSON.parse(webhook.raw.toString('utf8'))));
  const message = change?.messages[0];
  if (!message) throw new Error('the bench webhook has no message');
  return message;
}

export function conversationWorkflowId(config: AppConfig, tenantId: string, phoneNumberId: string, phone: string): string {
  return conversationStart({ config }, { tenantId, phoneNumberId, phone, seed: NEW_CONTACT_SEED }).workflowId;
}

/**
 * A Temporal client like the API's (same data converter: the AES-GCM codec, so payloads have the same
 * size on the wire and in history) and the API's own signalWithStart (the conversation actor), minus everything around
 * it (HTTP, signature, JSON parse, the Postgres seed lookup).
 */
export async function rawSignaller(config: AppConfig, tenantId: string, phoneNumberId: string) {
  const connection = await Connection.connect(temporalConnectOptions(config.temporal.connection));
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: encryptedDataConverter(config.encryptionKeys) });
  const conversations = conversationActor({ temporal: client, config });
  return {
    client,
    signal: (message: InboundMessage) => conversations.signalInbound({ tenantId, phoneNumberId, phone: message.from, seed: NEW_CONTACT_SEED }, message),
    close: () => connection.close(),
  };
}

/** Bytes of the start input and of the signal payload in a workflow's history (encrypted, as stored). */
export async function historyPayloadBytes(client: Client, workflowId: string): Promise<{ start: number; signal: number } | undefined> {
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const size = (payloads: { data?: Uint8Array | null; metadata?: Record<string, Uint8Array> | null }[] | null | undefined) =>
      (payloads ?? []).reduce((sum, p) => sum + (p.data?.length ?? 0) + Object.entries(p.metadata ?? {}).reduce((m, [k, v]) => m + k.length + v.length, 0), 0);
    const started = history.events?.find((e) => e.workflowExecutionStartedEventAttributes)?.workflowExecutionStartedEventAttributes;
    const signaled = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes)?.workflowExecutionSignaledEventAttributes;
    return { start: size(started?.input?.payloads), signal: size(signaled?.input?.payloads) };
  } catch {
    return undefined;
  }
}
