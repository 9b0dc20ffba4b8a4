/** A run of text the chunker keeps whole when it can: a paragraph, a list, a code block, or a heading. */
export interface TextBlock {
  text: string;
  heading: boolean;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Markdown syntax is removed from the stored text: the AI quotes passages into WhatsApp, where `**`,
 * `#` or `[text](url)` would show up literally (or as WhatsApp's own, different formatting). Links
 * keep their address, since "book on our site" is useless without it.
 */
export function stripInlineMarkdown(line: string): string {
  // Escaped characters are parked in the private-use area so no rule below reads them as syntax.
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

function stripLine(line: string): string {
  const unquoted = line.replace(/^\s{0,3}(?:>\s?)+/, '');
  const listed = unquoted.replace(/^(\s*)[*+](\s+)/, '$1-$2');
  return stripInlineMarkdown(listed).trimEnd();
}

/** Splits markdown into blocks of plain text: headings on their own, code blocks kept verbatim. */
export function markdownBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    const text = paragraph.join('\n').trim();
    if (text) blocks.push({ text, heading: false });
    paragraph = [];
  };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      endParagraph();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence[1]); i++) code.push(lines[i]);
      const text = code.join('\n').trim();
      if (text) blocks.push({ text, heading: false });
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      endParagraph();
      const text = stripInlineMarkdown(atx[1] ?? '').trim();
      if (text) blocks.push({ text, heading: true });
      continue;
    }
    if (paragraph.length === 1 && SETEXT_UNDERLINE.test(line) && !/^\s*[-*+]\s/.test(paragraph[0])) {
      const text = paragraph[0].trim();
      paragraph = [];
      if (text) blocks.push({ text, heading: true });
      continue;
    }
    if (!line.trim() || THEMATIC_BREAK.test(line)) {
      endParagraph();
      continue;
    }
    if (line.includes('|') && TABLE_DIVIDER.test(line)) continue;
    paragraph.push(stripLine(line));
  }
  endParagraph();
  return blocks;
}

/** Plain text: paragraphs are separated by blank lines; line breaks inside a paragraph are kept. */
export function textBlocks(text: string): TextBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .map((p) => ({ text: p, heading: false }));
}
