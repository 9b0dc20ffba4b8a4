import type { AppConfig } from '../config';
import { newConversationSeed } from '../domain/conversation';
import { kindKey, tenantIdKey } from './search-attributes';
import { conversationStart } from './conversation';

const config: Parameters<typeof conversationStart>[0]['config'] = {
  blindIndexKey: Buffer.alloc(32, 7),
  encryptionKeys: [{ id: 'k1', key: Buffer.alloc(32, 9) }],
  conversations: { quietPeriodMs: 600_000, channelQuietPeriodMs: 600_000, metaRatePerSecond: 80 },
  temporal: { taskQueuePrefix: 'test-x' } as AppConfig['temporal'],
};
const target = { tenantId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', phoneNumberId: '1098765432', phone: '+919876543210', seed: newConversationSeed };

describe('the conversation actor start request', () => {
  it('keeps the workflow id running actors were started under: conversation:{tenant}:{contact key}:{number}, no phone in it', () => {
    const start = conversationStart({ config }, target);
    const contactKey = start.args[0].contactKey;
    expect(contactKey).toMatch(/^[0-9a-f]{40}$/);
    expect(start.workflowId).toBe(`conversation:${target.tenantId}:${contactKey}:${target.phoneNumberId}`);
    expect(start.workflowId).not.toContain('9876543210');
    // Stable: every start for this contact and number names the same actor.
    expect(conversationStart({ config }, { ...target, seed: { ...newConversationSeed, optedOut: true } }).workflowId).toBe(start.workflowId);
    expect(conversationStart({ config }, { ...target, phoneNumberId: '2000000000' }).workflowId).not.toBe(start.workflowId);
  });

  it("starts on the prefixed conversations queue with the tenant's and the kind's search attributes", () => {
    const start = conversationStart({ config }, target);
    expect(start.taskQueue).toBe('test-x-conversations');
    expect(start.typedSearchAttributes).toEqual([
      { key: tenantIdKey, value: target.tenantId },
      { key: kindKey, value: 'conversation' },
    ]);
    expect(start.args[0]).toMatchObject({ tenantId: target.tenantId, phoneNumberId: target.phoneNumberId, phone: target.phone, quietPeriodMs: 600_000, seed: newConversationSeed });
  });
});
