import type { TCannedResponse } from '@domain/inbox';
import { insertResponse, matchingResponses, slashTokenAt } from './canned-token';

const canned = (shortcut: string, body: string): TCannedResponse => ({ id: shortcut, shortcut, body, updatedAt: '2025-01-01T00:00:00.000Z' });

describe('canned responses in the composer', () => {
  it('sees a /shortcut at the start or after a space, up to the caret', () => {
    expect(slashTokenAt('/', 1)).toEqual({ query: '', start: 0, end: 1 });
    expect(slashTokenAt('Hi /ret', 7)).toEqual({ query: 'ret', start: 3, end: 7 });
    expect(slashTokenAt('and/or', 6)).toBeNull();
    expect(slashTokenAt('/hours later', 12)).toBeNull();
  });

  it('ranks shortcuts starting with the query before other matches', () => {
    const list = [canned('hours', 'We are open at 10'), canned('return-policy', 'Returns within 30 days'), canned('thanks', 'Thank you! Happy to return the favour')];
    expect(matchingResponses(list, 're').map((r) => r.shortcut)).toEqual(['return-policy', 'hours', 'thanks']);
    expect(matchingResponses(list, '').map((r) => r.shortcut)).toEqual(['hours', 'return-policy', 'thanks']);
    expect(matchingResponses(list, 'zzz')).toEqual([]);
  });

  it('replaces the typed shortcut with the body and puts the caret after it', () => {
    const token = slashTokenAt('Hello /ho!', 9)!;
    expect(insertResponse('Hello /ho!', token, 'We open at 10')).toEqual({ value: 'Hello We open at 10!', caret: 19 });
  });
});
