import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config';
import { temporalConnectOptions } from '../../config/temporal-connection';
import { changesByNumber, ZMetaEnvelopeSchema } from '../../api/webhooks/meta/meta-envelope';
import { contactKey } from '../../db/contacts/phone-identity';
import { conversationMessages, taskQueue, workflowIds } from '../../domain/contracts';
import { newConversationSeed, type ConversationWorkflowInput } from '../../domain/conversation';
import type { InboundMessage } from '../../domain/messages';
import { encryptedDataConverter } from '../../infra/codec/encryption-codec';
import { kindKey, tenantIdKey } from '../../workflows/search-attributes';
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
  return workflowIds.conversation(tenantId, `${contactKey(config, tenantId, phone)}:${phoneNumberId}`);
}

/**
 * A Temporal client like the API's (same data converter: the AES-GCM codec, so payloads have the same
 * size on the wire and in history) and the API's exact signalWithStart request, minus everything around
 * it (HTTP, signature, JSON parse, the Postgres seed lookup).
 */
export async function rawSignaller(config: AppConfig, tenantId: string, phoneNumberId: string) {
  const connection = await Connection.connect(temporalConnectOptions(config.temporal.connection));
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: encryptedDataConverter(config.encryptionKeys) });
  return {
    client,
    async signal(message: InboundMessage): Promise<void> {
      const key = contactKey(config, tenantId, message.from);
      const input: ConversationWorkflowInput = { tenantId, contactKey: key, phoneNumberId, phone: message.from, seed: NEW_CONTACT_SEED, quietPeriodMs: config.conversations.quietPeriodMs };
      await client.workflow.signalWithStart('conversationWorkflow', {
        workflowId: workflowIds.conversation(tenantId, `${key}:${phoneNumberId}`),
        taskQueue: taskQueue('conversations', config.temporal.taskQueuePrefix),
        args: [input],
        signal: conversationMessages.inbound,
        signalArgs: [message],
        typedSearchAttributes: [
          { key: tenantIdKey, value: tenantId },
          { key: kindKey, value: 'conversation' },
        ],
      });
    },
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
