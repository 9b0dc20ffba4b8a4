import { z } from 'zod';
import type { ConversationCommand } from './inbox';
import { subscriptionStatuses } from './billing';
import { messageStatuses } from './messages';

/**
 * The realtime contract: every event a tenant's sockets receive, one zod schema per event name as it
 * travels on the bus and the socket. Payloads carry ids only: every API node re-reads what it relays,
 * and the page re-reads what changed, so no message text crosses the bus.
 */

/** What `conversation.updated` names as its `change`: the command that changed the conversation. */
export const conversationChanges = [
  'takeover',
  'release',
  'assign',
  'resolve',
  'reopen',
  'markRead',
  'addNote',
  'addLabel',
  'removeLabel',
  'handoff',
] as const satisfies readonly ConversationCommand['type'][];
// Fails to compile when a command is added without being listed above.
const _everyCommandIsAChange: Exclude<ConversationCommand['type'], (typeof conversationChanges)[number]> extends never ? true : never = true;
void _everyCommandIsAChange;

export const ZRealtimePayloadSchemas = {
  'message.new': z.object({ conversationId: z.string(), messageId: z.string() }),
  'message.status': z.object({ conversationId: z.string(), messageId: z.string(), status: z.enum(messageStatuses) }),
  /** `reason` only with `change: 'handoff'` (why the AI gave the conversation to people). */
  'conversation.updated': z.object({ conversationId: z.string(), change: z.enum(conversationChanges), reason: z.string().optional() }),
  'contact.created': z.object({ contactId: z.string() }),
  /** The contact opted out (STOP) or back in (START) in this conversation. */
  'contact.consent': z.object({ conversationId: z.string(), contactId: z.string(), optedOut: z.boolean() }),
  'user.deactivated': z.object({ userId: z.string() }),
  /** The inbox's shared tools changed in Settings: open inboxes re-read them without a reload. */
  'label.changed': z.object({ labelId: z.string(), change: z.enum(['created', 'deleted']) }),
  'canned_response.changed': z.object({ cannedResponseId: z.string(), change: z.enum(['created', 'updated', 'deleted']) }),
  /** The subscription workflow applied a status: open pages re-read the plan and the workspace's access. */
  'subscription.updated': z.object({ status: z.enum(subscriptionStatuses) }),
} as const;

export type TRealtimeEventName = keyof typeof ZRealtimePayloadSchemas;
export const realtimeEventNames = Object.keys(ZRealtimePayloadSchemas) as [TRealtimeEventName, ...TRealtimeEventName[]];
export type TRealtimePayload<N extends TRealtimeEventName = TRealtimeEventName> = z.infer<(typeof ZRealtimePayloadSchemas)[N]>;

type ByName<T extends { [N in TRealtimeEventName]: unknown }> = T[TRealtimeEventName];

/** What a publisher hands over: one tenant's event, its payload fixed by its name. */
export type TRealtimeEvent = ByName<{ [N in TRealtimeEventName]: { tenantId: string; event: N; payload: TRealtimePayload<N> } }>;

/**
 * What crosses the bus. `seq` counts this tenant's events only (1, 2, 3 …). `prevSeq` is the tenant's
 * previous event, so an API node can tell an event that follows the last one it relayed from one that
 * arrived early (it then reads the log instead).
 */
export type TPublishedEvent = TRealtimeEvent & { seq: number; prevSeq: number };

/** An event as the tenant's catch-up log keeps it. */
export type TLoggedRealtimeEvent = ByName<{ [N in TRealtimeEventName]: { seq: number; event: N; payload: TRealtimePayload<N> } }>;

const publishedSchema = <N extends TRealtimeEventName>(event: N) =>
  z.object({ tenantId: z.uuid(), event: z.literal(event), payload: ZRealtimePayloadSchemas[event], seq: z.number().int().positive(), prevSeq: z.number().int().nonnegative() });

export const ZPublishedEventSchema = z.discriminatedUnion('event', [
  publishedSchema('message.new'),
  publishedSchema('message.status'),
  publishedSchema('conversation.updated'),
  publishedSchema('contact.created'),
  publishedSchema('contact.consent'),
  publishedSchema('user.deactivated'),
  publishedSchema('label.changed'),
  publishedSchema('canned_response.changed'),
  publishedSchema('subscription.updated'),
]);

/** Server → socket: each tenant event as `{ ...payload, seq }`, plus the relay's own notices. */
export const ZRealtimeWireSchemas = {
  'message.new': ZRealtimePayloadSchemas['message.new'].extend({ seq: z.number().int().nonnegative() }),
  'message.status': ZRealtimePayloadSchemas['message.status'].extend({ seq: z.number().int().nonnegative() }),
  'conversation.updated': ZRealtimePayloadSchemas['conversation.updated'].extend({ seq: z.number().int().nonnegative() }),
  'contact.created': ZRealtimePayloadSchemas['contact.created'].extend({ seq: z.number().int().nonnegative() }),
  'contact.consent': ZRealtimePayloadSchemas['contact.consent'].extend({ seq: z.number().int().nonnegative() }),
  'user.deactivated': ZRealtimePayloadSchemas['user.deactivated'].extend({ seq: z.number().int().nonnegative() }),
  'label.changed': ZRealtimePayloadSchemas['label.changed'].extend({ seq: z.number().int().nonnegative() }),
  'canned_response.changed': ZRealtimePayloadSchemas['canned_response.changed'].extend({ seq: z.number().int().nonnegative() }),
  'subscription.updated': ZRealtimePayloadSchemas['subscription.updated'].extend({ seq: z.number().int().nonnegative() }),
  /** Caught up and in the live room; `seq` is the cursor to reconnect with. */
  'realtime.ready': z.object({ seq: z.number().int().nonnegative() }),
  /** Events may have been missed (pruned, or a cursor from elsewhere): reload what is shown. */
  'realtime.resync': z.object({ seq: z.number().int().nonnegative() }),
  'realtime.expired': z.object({ code: z.string(), message: z.string() }),
  'realtime.error': z.object({ code: z.string(), message: z.string() }),
} as const;

export type TRealtimeWireName = keyof typeof ZRealtimeWireSchemas;
export type TRealtimeWire<N extends TRealtimeWireName = TRealtimeWireName> = z.infer<(typeof ZRealtimeWireSchemas)[N]>;

/** The socket form of a logged or published event. */
export function toWire(e: TLoggedRealtimeEvent): TRealtimeWire<TRealtimeEventName> {
  return { ...e.payload, seq: e.seq };
}
