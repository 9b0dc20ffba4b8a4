import type { TCannedResponse } from '@domain/inbox';

/** The "/shortcut" being typed just before the caret. */
export interface SlashToken {
  query: string;
  start: number;
  end: number;
}

export function slashTokenAt(value: string, caret: number): SlashToken | null {
  const before = value.slice(0, caret);
  const match = /(?:^|\s)\/([a-z0-9_-]*)$/i.exec(before);
  if (!match) return null;
  return { query: match[1].toLowerCase(), start: caret - match[1].length - 1, end: caret };
}

const MAX_SHOWN = 8;

/** Shortcuts starting with the query first, then shortcuts and bodies containing it. */
export function matchingResponses(responses: TCannedResponse[], query: string): TCannedResponse[] {
  const q = query.toLowerCase();
  const rank = (r: TCannedResponse) => (r.shortcut.startsWith(q) ? 0 : r.shortcut.includes(q) ? 1 : r.body.toLowerCase().includes(q) ? 2 : 3);
  return responses
    .map((r) => ({ r, rank: rank(r) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.r.shortcut.localeCompare(b.r.shortcut))
    .slice(0, MAX_SHOWN)
    .map((x) => x.r);
}

/** The text with the typed "/shortcut" replaced by the response, and where the caret goes. */
export function insertResponse(value: string, token: SlashToken, body: string): { value: string; caret: number } {
  return { value: value.slice(0, token.start) + body + value.slice(token.end), caret: token.start + body.length };
}
