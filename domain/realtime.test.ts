import { conversationChanges, type TPublishedEvent, type TRealtimeEvent, ZPublishedEventSchema, ZRealtimeWireSchemas, realtimeEventNames, toWire } from './realtime';

const tenantId = '7d4f4f0e-2a57-4a8b-9a43-5b1c0f6e2d11';
const conversationId = '0b6c1f55-54e0-4a31-8a2e-0f0b7f1f9c2a';
const messageId = 'c2f6a8de-9b1e-4f71-a8a5-3c1d2e4f5a6b';

/** Every event the publishers emit today (workflows/conversation.ts, workflows/channel.ts, api/users/router.ts, api/inbox-settings/router.ts, activities/billing), once per variant. */
const emittedToday: TRealtimeEvent[] = [
  { tenantId, event: 'message.new', payload: { conversationId, messageId } },
  ...(['sent', 'delivered', 'read', 'failed'] as const).map((status): TRealtimeEvent => ({ tenantId, event: 'message.status', payload: { conversationId, messageId, status } })),
  ...conversationChanges
    .filter((change) => change !== 'handoff')
    .map((change): TRealtimeEvent => ({ tenantId, event: 'conversation.updated', payload: { conversationId, change } })),
  { tenantId, event: 'conversation.updated', payload: { conversationId, change: 'handoff', reason: 'blocked_intent:refund' } },
  { tenantId, event: 'contact.created', payload: { contactId: '5e0c1d2b-3a4f-4b6c-8d7e-9f0a1b2c3d4e' } },
  ...[true, false].map((optedOut): TRealtimeEvent => ({
    tenantId,
    event: 'contact.consent',
    payload: { conversationId, contactId: '5e0c1d2b-3a4f-4b6c-8d7e-9f0a1b2c3d4e', optedOut },
  })),
  { tenantId, event: 'user.deactivated', payload: { userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' } },
  { tenantId, event: 'subscription.updated', payload: { status: 'active' } },
  { tenantId, event: 'label.changed', payload: { labelId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a', change: 'created' } },
  { tenantId, event: 'label.changed', payload: { labelId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a', change: 'deleted' } },
  ...(['created', 'updated', 'deleted'] as const).map((change): TRealtimeEvent => ({
    tenantId,
    event: 'canned_response.changed',
    payload: { cannedResponseId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918', change },
  })),
];

const published = (event: TRealtimeEvent, seq = 7): TPublishedEvent => ({ ...event, seq, prevSeq: seq - 1 });

describe('the realtime contract', () => {
  it('covers every event name the publishers use', () => {
    expect(new Set(emittedToday.map((e) => e.event))).toEqual(new Set(realtimeEventNames));
  });

  it.each(emittedToday.map((e) => [`${e.event} ${JSON.stringify(e.payload)}`, e] as const))('accepts %s as published, unchanged', (_name, event) => {
    const message = published(event);
    // Through JSON as on the bus: nothing is dropped or added on the way.
    expect(ZPublishedEventSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  it('puts each event on the socket as its payload plus seq, as the web app reads it', () => {
    for (const event of emittedToday) {
      const wire = toWire({ seq: 12, event: event.event, payload: event.payload } as Parameters<typeof toWire>[0]);
      expect(wire).toEqual({ ...event.payload, seq: 12 });
      expect(ZRealtimeWireSchemas[event.event].parse(wire)).toEqual(wire);
    }
  });

  it.each([
    ['an unknown event name', { tenantId, event: 'message.deleted', payload: { conversationId, messageId }, seq: 1, prevSeq: 0 }],
    ["another event's payload", { tenantId, event: 'message.new', payload: { userId: messageId }, seq: 1, prevSeq: 0 }],
    ['a missing field', { tenantId, event: 'message.status', payload: { conversationId, messageId }, seq: 1, prevSeq: 0 }],
    ['an unknown delivery status', { tenantId, event: 'message.status', payload: { conversationId, messageId, status: 'seen' }, seq: 1, prevSeq: 0 }],
    ['an unknown change', { tenantId, event: 'conversation.updated', payload: { conversationId, change: 'deleted' }, seq: 1, prevSeq: 0 }],
    ['message text in place of an id', { tenantId, event: 'message.new', payload: { conversationId, messageId: { body: 'hello' } }, seq: 1, prevSeq: 0 }],
    ['a tenant that is not a uuid', { tenantId: 'tenant-1', event: 'user.deactivated', payload: { userId: messageId }, seq: 1, prevSeq: 0 }],
    ['a seq of 0', { tenantId, event: 'contact.created', payload: { contactId: messageId }, seq: 0, prevSeq: 0 }],
    ['no prevSeq', { tenantId, event: 'contact.created', payload: { contactId: messageId }, seq: 3 }],
  ])('rejects %s', (_name, message) => {
    expect(ZPublishedEventSchema.safeParse(message).success).toBe(false);
  });

  it('makes a wrong payload a compile error for publishers', () => {
    // @ts-expect-error message.new carries a messageId, not a userId (tsc --noEmit fails if this compiles)
    const wrong: TRealtimeEvent = { tenantId, event: 'message.new', payload: { conversationId, userId: messageId } };
    expect(ZPublishedEventSchema.safeParse(published(wrong)).success).toBe(false);
  });
});
