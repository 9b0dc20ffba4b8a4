/** What the answer rules read from a generateContent request. */
export interface Prompt {
  /** System instruction and every turn, joined: where tenant keys are looked for. */
  allText: string;
  /** The system instruction alone: where the persona is read. */
  system: string;
  /** Quoted passages from "Knowledge base:" sections anywhere in the prompt. */
  passages: string[];
  /** The customer's message (see README "Which text is the question"). */
  question: string;
}

type Content = { role?: unknown; parts?: unknown };

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  const parts = (content as Content | null)?.parts;
  if (!Array.isArray(parts)) return '';
  return parts
    .map((p) => (p && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : ''))
    .filter(Boolean)
    .join('\n');
}

export function readPrompt(body: Record<string, unknown>): Prompt {
  const contents: unknown[] = Array.isArray(body.contents) ? body.contents : body.contents ? [body.contents] : [];
  const system = contentText(body.systemInstruction ?? body.system_instruction);
  const turns = contents.map(contentText);
  const passages: string[] = [];
  for (const text of [system, ...turns]) passages.push(...extractKnowledge(text).passages);
  const lastUser = [...contents].reverse().find((c) => {
    const role = (c as Content | null)?.role;
    return role === undefined || role === 'user';
  });
  const question = findQuestion(lastUser === undefined ? '' : extractKnowledge(contentText(lastUser)).rest);
  return { allText: [system, ...turns].join('\n'), system, passages, question };
}

const HEADING = /^\s*(?:#{1,6}\s*)?[*_]*\s*(?:knowledge[\s-]*base|knowledge|kb)\b.{0,50}$/i;
const isHeading = (line: string) => HEADING.test(line) && (/^\s*#/.test(line) || /:\s*[*_]*\s*$/.test(line));
/** Blockquote, bullet, number ("1." "1)") or bracketed label ("[1]", "[Refunds]"). */
const MARKER = /^\s*(?:>\s*)?(?:[-*•]\s+|\d{1,3}[.)]\s+|\[[^\]\n]{1,40}\]\s*)?/;
/** Optional `Label:` then a double-quoted (straight or curly) passage. */
const QUOTE_START = /^(?:[^"“\n]{1,60}:\s*)?["“]/;

/** Splits a text into its knowledge-base passages and everything else. */
export function extractKnowledge(text: string): { passages: string[]; rest: string } {
  const lines = text.split(/\r?\n/);
  const passages: string[] = [];
  const rest: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isHeading(lines[i])) {
      rest.push(lines[i++]);
      continue;
    }
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        i++;
        continue;
      }
      if (SPEAKER.test(line)) break;
      const marker = MARKER.exec(line)?.[0] ?? '';
      const body = line.slice(marker.length);
      const quote = QUOTE_START.exec(body);
      if (quote) {
        // A quoted passage may run over several lines until its closing quote.
        let passage = body.slice(quote[0].length);
        let end = passage.search(/["”]/);
        while (end < 0 && i + 1 < lines.length) {
          passage += `\n${lines[++i].replace(/^\s*>\s?/, '')}`;
          end = passage.search(/["”]/);
        }
        passages.push((end < 0 ? passage : passage.slice(0, end)).trim());
        i++;
      } else if (marker.trim() !== '' && body.trim() !== '') {
        passages.push(body.trim());
        i++;
      } else {
        break;
      }
    }
  }
  return { passages: passages.filter(Boolean), rest: rest.join('\n') };
}

const LABEL = /^\s*[>*_#\s]*(?:customer(?:['’]s)?(?:\s+(?:message|question))?|user(?:\s+message)?|question|message|inbound\s+message|query)\s*[*_]*\s*:\s*(.*)$/i;
const SPEAKER = /^\s*[>*_#\s]*(?:customer|user|agent|assistant|bot|ai|business|model|question|message|reply|answer|instructions?)\b[^:\n]{0,20}:/i;

/** The text after the last `Customer:`-style label up to the paragraph's end; else the whole text. */
export function findQuestion(text: string): string {
  const lines = text.split(/\r?\n/);
  let at = -1;
  for (let i = 0; i < lines.length; i++) if (LABEL.test(lines[i])) at = i;
  if (at < 0) return text.trim();
  const out = [LABEL.exec(lines[at])![1]];
  let i = at + 1;
  if (out[0].trim() === '') while (i < lines.length && lines[i].trim() === '') i++;
  for (; i < lines.length; i++) {
    if (lines[i].trim() === '' || SPEAKER.test(lines[i])) break;
    out.push(lines[i]);
  }
  return out
    .join('\n')
    .trim()
    .replace(/^["“](.*)["”]$/s, '$1');
}
