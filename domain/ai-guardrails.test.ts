import { decideAiTurn, questionOf } from './ai-guardrails';
import type { InboundMessage } from './messages';

const policy = { confidenceThreshold: 0.7, maxRepliesPerConversation: 5, blockedIntents: ['refund', 'legal'] };
const answer = { reply: 'We open at 9.', confidence: 0.9, intent: 'question', handoff: false };

describe('the AI guardrails', () => {
  it('replies with plain text when confident, allowed and under the cap', () => {
    expect(decideAiTurn(answer, policy, 4)).toEqual({ action: 'reply', content: { type: 'text', text: { body: 'We open at 9.' } } });
  });

  it('hands off, naming why', () => {
    expect(decideAiTurn({ ...answer, intent: 'Refund' }, policy, 0)).toEqual({ action: 'handoff', reason: 'blocked_intent:refund' });
    expect(decideAiTurn({ ...answer, handoff: true }, policy, 0)).toEqual({ action: 'handoff', reason: 'ai_requested' });
    expect(decideAiTurn({ ...answer, confidence: 0.69 }, policy, 0)).toEqual({ action: 'handoff', reason: 'low_confidence' });
    expect(decideAiTurn({ ...answer, reply: '  ' }, policy, 0)).toEqual({ action: 'handoff', reason: 'empty_answer' });
    expect(decideAiTurn(answer, policy, 5)).toEqual({ action: 'handoff', reason: 'reply_cap' });
  });

  it('accepts a confidence exactly at the threshold', () => {
    expect(decideAiTurn({ ...answer, confidence: 0.7 }, policy, 0).action).toBe('reply');
  });

  it('reads the question from text, button and interactive replies only', () => {
    const base = { waMessageId: 'w', phoneNumberId: 'p', from: '+1', profileName: null, timestamp: 0, context: null };
    const of = (type: string, content: Record<string, unknown>) => questionOf({ ...base, type, content } as InboundMessage);
    expect(of('text', { body: ' hi ' })).toBe('hi');
    expect(of('button', { text: 'Yes', payload: 'y' })).toBe('Yes');
    expect(of('interactive', { type: 'list_reply', list_reply: { id: '1', title: 'Shoes' } })).toBe('Shoes');
    expect(of('image', { id: 'm' })).toBeNull();
    expect(of('text', { body: '   ' })).toBeNull();
  });
});
