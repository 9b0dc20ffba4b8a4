import { ApplicationFailure } from '@temporalio/workflow';
import { newConversationSeed, WINDOW_MS, type ConversationSeed } from '../domain/conversation';
import type { InboundMessage } from '../domain/messages';
import { ConversationState } from './conversation-state';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const text = { type: 'text' as const, text: { body: 'hello' } };
const template = { type: 'template' as const, template: { name: 'welcome', language: 'en', variables: [] } };

function inbound(waMessageId: string): InboundMessage {
  return { waMessageId, phoneNumberId: 'pn-1', from: '+919900000001', profileName: null, timestamp: NOW / 1000, type: 'text', content: { body: 'hi' }, context: null };
}

function seed(overrides: Partial<ConversationSeed> = {}): ConversationSeed {
  return { ...newConversationSeed, conversationId: 'conv-1', contactId: 'contact-1', lastInboundAt: NOW - 60_000, ...overrides };
}

function refusalCode(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ApplicationFailure ? `${error.type}:${error.nonRetryable}` : String(error);
  }
}

describe('ConversationState (the conversation actor’s memory and rules)', () => {
  it('queues each inbound message once, whether it is still queued or already handled', () => {
    const state = new ConversationState(seed());
    state.accept(inbound('wamid.1'));
    state.accept(inbound('wamid.1'));
    expect(state.inbox.map((m) => m.waMessageId)).toEqual(['wamid.1']);
    state.inbox.shift();
    state.markSeen('wamid.1');
    state.accept(inbound('wamid.1'));
    state.accept(inbound('wamid.2'));
    expect(state.inbox.map((m) => m.waMessageId)).toEqual(['wamid.2']);
  });

  it('remembers the last 200 handled ids, forgetting the oldest', () => {
    const state = new ConversationState(seed());
    for (let i = 0; i < 201; i++) state.markSeen(`wamid.${i}`);
    expect(state.seen).toHaveLength(200);
    expect(state.seen[0]).toBe('wamid.1');
    state.accept(inbound('wamid.0'));
    expect(state.inbox).toHaveLength(1);
  });

  it('refuses a free-form send outside the 24-hour window but lets a template reopen it', () => {
    const closed = new ConversationState(seed({ lastInboundAt: NOW - WINDOW_MS }));
    expect(refusalCode(() => closed.assertCanSend({ content: text, sender: 'agent', senderUserId: 'u1' }, NOW))).toBe('window_closed:true');
    expect(refusalCode(() => closed.assertCanSend({ content: template, sender: 'agent', senderUserId: 'u1' }, NOW))).toBeNull();
    const open = new ConversationState(seed({ lastInboundAt: NOW - WINDOW_MS + 1 }));
    expect(refusalCode(() => open.assertCanSend({ content: text, sender: 'agent', senderUserId: 'u1' }, NOW))).toBeNull();
  });

  it('refuses every send, templates included, to a contact who opted out', () => {
    const state = new ConversationState(seed({ optedOut: true }));
    expect(refusalCode(() => state.assertCanSend({ content: template, sender: 'api', senderUserId: null }, NOW))).toBe('contact_opted_out:true');
  });

  it('refuses commands until the conversation exists', () => {
    expect(refusalCode(() => new ConversationState(seed({ conversationId: null })).assertHasConversation())).toBe('not_found:true');
    expect(refusalCode(() => new ConversationState(seed()).assertHasConversation())).toBeNull();
  });

  it('applies the transition table to its memory: takeover locks the AI, release gives a fresh allowance', () => {
    const state = new ConversationState(seed({ aiReplyCount: 3 }));
    state.applyCommand({ type: 'takeover', userId: 'u1' });
    expect(state.seed).toMatchObject({ mode: 'agent', status: 'open', aiReplyCount: 3 });
    state.applyCommand({ type: 'resolve' });
    expect(state.seed).toMatchObject({ mode: 'agent', status: 'resolved' });
    state.applyCommand({ type: 'release' });
    expect(state.seed).toMatchObject({ mode: 'ai', status: 'open', aiReplyCount: 0 });
    state.applyCommand({ type: 'handoff', reason: 'low_confidence' });
    expect(state.seed).toMatchObject({ mode: 'agent', status: 'pending' });
    state.applyCommand({ type: 'addNote', noteId: 'n1', authorId: 'u1', body: 'private' });
    expect(state.seed).toMatchObject({ mode: 'agent', status: 'pending' });
  });

  it('a resolved conversation the customer writes to again reopens with the AI and a fresh allowance; others are untouched', () => {
    const resolved = new ConversationState(seed({ status: 'resolved', mode: 'agent', aiReplyCount: 5 }));
    resolved.reopenOnInbound();
    expect(resolved.seed).toMatchObject({ status: 'open', mode: 'ai', aiReplyCount: 0 });
    const pending = new ConversationState(seed({ status: 'pending', mode: 'agent', aiReplyCount: 5 }));
    pending.reopenOnInbound();
    expect(pending.seed).toMatchObject({ status: 'pending', mode: 'agent', aiReplyCount: 5 });
  });

  it('has work while anything is queued, and carries everything across continue-as-new', () => {
    const state = new ConversationState(seed());
    expect(state.hasWork()).toBe(false);
    state.accept(inbound('wamid.9'));
    state.outbox.push({ messageId: 'm1', messageCreatedAt: new Date(NOW).toISOString(), content: text });
    state.markSeen('wamid.8');
    expect(state.hasWork()).toBe(true);
    const next = new ConversationState(seed({ conversationId: 'ignored' }), JSON.parse(JSON.stringify(state.carried())));
    expect(next.carried()).toEqual(state.carried());
    expect(next.seed.conversationId).toBe('conv-1');
  });

  it('gives fields missing from an older carried seed their defaults', () => {
    const { aiReplyCount: _dropped, mode: _mode, ...oldSeed } = seed();
    const state = new ConversationState(seed(), { seed: oldSeed as ConversationSeed, seenWaMessageIds: [], inbox: [], outbox: [] });
    expect(state.seed).toMatchObject({ mode: 'ai', aiReplyCount: 0, conversationId: 'conv-1' });
  });
});
