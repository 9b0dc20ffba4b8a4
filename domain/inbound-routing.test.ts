import { aiTurnGate, reopenOnInbound, routeInbound, type AiTurnFacts, type InboundFacts, type InboundRoute } from './inbound-routing';

describe('routeInbound', () => {
  const base: InboundFacts = { text: 'hello', optedOut: false, mode: 'ai' };
  const cases: [string, Partial<InboundFacts>, InboundRoute][] = [
    ['STOP opts out', { text: 'STOP' }, { kind: 'opt_out' }],
    ['a localized stop word opts out, in any mode', { text: ' Unsubscribe! ', mode: 'agent' }, { kind: 'opt_out' }],
    ['STOP from an opted-out contact changes nothing', { text: 'stop', optedOut: true }, { kind: 'ignore', reason: 'already_opted_out' }],
    ['START opts an opted-out contact back in', { text: 'start', optedOut: true }, { kind: 'opt_in' }],
    ['START from a subscribed contact is not offered to the AI', { text: 'START' }, { kind: 'ignore', reason: 'already_opted_in' }],
    ['an opted-out contact gets no answer', { text: 'what are your hours?', optedOut: true }, { kind: 'ignore', reason: 'opted_out' }],
    ['in ai mode the AI answers', {}, { kind: 'ai' }],
    ['a non-text message in ai mode goes to the AI (which may hand off)', { text: null }, { kind: 'ai' }],
    ['a non-text message is never a keyword', { text: null, optedOut: true }, { kind: 'ignore', reason: 'opted_out' }],
    ['in agent mode people answer', { mode: 'agent' }, { kind: 'ignore', reason: 'not_ai_mode' }],
    ['automation mode without an owning automation waits for people', { mode: 'automation' }, { kind: 'ignore', reason: 'not_ai_mode' }],
    ['an automation that owns the conversation takes the message', { mode: 'automation', automationOwns: true }, { kind: 'automation' }],
    ['an owning automation wins over ai mode', { automationOwns: true }, { kind: 'automation' }],
    ['an owning automation never overrides STOP', { text: 'stop', automationOwns: true }, { kind: 'opt_out' }],
    ['nor an opt-out', { optedOut: true, automationOwns: true }, { kind: 'ignore', reason: 'opted_out' }],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(routeInbound({ ...base, ...facts })).toEqual(expected);
  });
});

describe('reopenOnInbound', () => {
  it('starts a resolved conversation afresh with the AI', () => {
    const resolved = { status: 'resolved' as const, mode: 'agent' as const, aiReplyCount: 4, handoffReason: 'reply_cap', other: 'kept' };
    expect(reopenOnInbound(resolved)).toEqual({ status: 'open', mode: 'ai', aiReplyCount: 0, handoffReason: null, other: 'kept' });
  });
  it.each(['open', 'pending'] as const)('keeps a %s conversation as it is', (status) => {
    const current = { status, mode: 'agent' as const, aiReplyCount: 2, handoffReason: 'low_confidence' };
    expect(reopenOnInbound(current)).toBe(current);
  });
});

describe('aiTurnGate', () => {
  const base: AiTurnFacts = { enabled: true, onDuty: true, question: 'open on sunday?', aiRepliesSoFar: 1, maxRepliesPerConversation: 5, planAiRepliesLeft: 10 };
  const cases: [string, Partial<AiTurnFacts>, ReturnType<typeof aiTurnGate>][] = [
    ['asks the AI when everything allows it', {}, { kind: 'ask' }],
    ['stays out when the AI is turned off (before anything else)', { enabled: false, onDuty: false, question: null }, { kind: 'off' }],
    ['hands off outside the AI hours', { onDuty: false, question: null }, { kind: 'handoff', reason: 'outside_ai_hours' }],
    ['hands off what it cannot read', { question: null, aiRepliesSoFar: 9 }, { kind: 'handoff', reason: 'unsupported_message' }],
    ['hands off at the reply cap', { aiRepliesSoFar: 5, planAiRepliesLeft: 0 }, { kind: 'handoff', reason: 'reply_cap' }],
    ['hands off when the plan has no AI replies left', { planAiRepliesLeft: 0 }, { kind: 'handoff', reason: 'plan_ai_limit' }],
    ['asks while the plan allowance is not read yet', { planAiRepliesLeft: null }, { kind: 'ask' }],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(aiTurnGate({ ...base, ...facts })).toEqual(expected);
  });
});
