import type { TPublishedEvent } from '../../../domain/realtime';
import { parseBusMessage } from './bus-message';

const tenantId = '7d4f4f0e-2a57-4a8b-9a43-5b1c0f6e2d11';

describe('parseBusMessage', () => {
  it('reads a published event back exactly as the publisher sent it', () => {
    const handoff: TPublishedEvent = { tenantId, event: 'conversation.updated', payload: { conversationId: 'c1', change: 'handoff', reason: 'reply_cap' }, seq: 4, prevSeq: 3 };
    expect(parseBusMessage(JSON.stringify(handoff))).toEqual(handoff);
  });

  it.each([
    ['not JSON', '{"tenantId":'],
    ['a payload that does not fit its event', JSON.stringify({ tenantId, event: 'user.deactivated', payload: { contactId: 'x' }, seq: 1, prevSeq: 0 })],
    ['an event no publisher emits', JSON.stringify({ tenantId, event: 'realtime.ready', payload: {}, seq: 1, prevSeq: 0 })],
  ])('ignores %s', (_name, raw) => {
    expect(parseBusMessage(raw)).toBeUndefined();
  });
});
