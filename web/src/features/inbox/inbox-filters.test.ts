import type { TConversation } from '@domain/inbox';
import { handoffText } from './conversation-text';
import { byActivity, defaultFilters, defaultFiltersFor, matchesFilters, toQuery } from './inbox-filters';
import { formatRemaining, windowRemainingMs } from './reply-window';

const conversation = (over: Partial<TConversation> = {}): TConversation => ({
  id: '00000000-0000-4000-8000-000000000001',
  contact: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Meera Iyer', phone: '+919812345678' },
  phoneNumberId: '1234',
  status: 'open',
  mode: 'ai',
  assignedTo: null,
  lastMessageAt: '2025-03-01T10:00:00.000Z',
  lastInboundAt: '2025-03-01T10:00:00.000Z',
  unread: 1,
  aiReplyCount: 0,
  handoffReason: null,
  optedOut: false,
  labels: [],
  ...over,
});

describe('inbox filters', () => {
  it('asks the API only for what is set', () => {
    expect(toQuery(defaultFilters)).toEqual({ status: 'open', mode: undefined, mine: undefined, unassigned: undefined, label: undefined, q: undefined });
    expect(toQuery({ ...defaultFilters, ownership: 'mine', mode: 'agent', q: ' 5678 ' })).toMatchObject({ mine: true, mode: 'agent', q: '5678' });
  });

  it('"Needs a human" keeps pending conversations that are unassigned or mine, whatever the status tab', () => {
    const me = 'u1';
    const needs = { ...defaultFilters, needsHuman: true };
    expect(toQuery(needs)).toMatchObject({ needsHuman: true, status: undefined });
    expect(matchesFilters(conversation({ status: 'pending' }), needs, me)).toBe(true);
    expect(matchesFilters(conversation({ status: 'pending', assignedTo: me }), needs, me)).toBe(true);
    expect(matchesFilters(conversation({ status: 'pending', assignedTo: 'u2' }), needs, me)).toBe(false);
    expect(matchesFilters(conversation({ status: 'open' }), needs, me)).toBe(false);
    expect(defaultFiltersFor('agent').needsHuman).toBe(true);
    expect(defaultFiltersFor('admin').needsHuman).toBe(false);
  });

  it('keeps a live-updated conversation only where the filters would list it', () => {
    const me = 'u1';
    expect(matchesFilters(conversation(), defaultFilters, me)).toBe(true);
    expect(matchesFilters(conversation({ status: 'pending' }), defaultFilters, me)).toBe(false);
    expect(matchesFilters(conversation({ assignedTo: 'u2' }), { ...defaultFilters, ownership: 'mine' }, me)).toBe(false);
    expect(matchesFilters(conversation({ assignedTo: me }), { ...defaultFilters, ownership: 'mine' }, me)).toBe(true);
    expect(matchesFilters(conversation({ assignedTo: me }), { ...defaultFilters, ownership: 'unassigned' }, me)).toBe(false);
    expect(matchesFilters(conversation(), { ...defaultFilters, label: 'l1' }, me)).toBe(false);
    expect(matchesFilters(conversation({ labels: [{ id: 'l1', name: 'VIP', color: '#ff0000' }] }), { ...defaultFilters, label: 'l1' }, me)).toBe(true);
    expect(matchesFilters(conversation(), { ...defaultFilters, q: 'meera' }, me)).toBe(true);
    expect(matchesFilters(conversation(), { ...defaultFilters, q: '5678' }, me)).toBe(true);
    expect(matchesFilters(conversation(), { ...defaultFilters, q: 'arjun' }, me)).toBe(false);
  });

  it('orders by newest activity, then id', () => {
    const older = conversation({ id: 'a', lastMessageAt: '2025-03-01T09:00:00.000Z' });
    const newer = conversation({ id: 'b', lastMessageAt: '2025-03-01T11:00:00.000Z' });
    const tie = conversation({ id: 'c', lastMessageAt: '2025-03-01T11:00:00.000Z' });
    expect([older, newer, tie].sort(byActivity).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('the 24-hour window and hand-off reasons', () => {
  it('counts down from the last inbound message', () => {
    const at = Date.parse('2025-03-01T10:00:00.000Z');
    expect(windowRemainingMs('2025-03-01T10:00:00.000Z', at + 60 * 60 * 1000)).toBe(23 * 60 * 60 * 1000);
    expect(windowRemainingMs('2025-03-01T10:00:00.000Z', at + 25 * 60 * 60 * 1000)).toBe(0);
    expect(windowRemainingMs(null, at)).toBe(0);
    expect(formatRemaining(23 * 3_600_000 + 5 * 60_000)).toBe('23h 05m');
    expect(formatRemaining(12 * 60_000 + 30_000)).toBe('12m');
    expect(formatRemaining(20_000)).toBe('<1m');
  });

  it('says why the AI handed over in words', () => {
    expect(handoffText('blocked_intent:refund')).toBe('Needs a person: refund');
    expect(handoffText('low_confidence')).toBe('The AI was not confident enough');
    expect(handoffText('something_new')).toBe('something new');
  });
});
