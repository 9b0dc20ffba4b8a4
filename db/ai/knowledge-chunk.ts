import { markdownBlocks, textBlocks, type TextBlock } from './knowledge-markdown';

/** A chunk is closed once it holds this much; passages of a few paragraphs rank and quote well. */
export const CHUNK_TARGET_CHARS = 600;
/** No chunk grows past this by joining blocks; only a single word longer than it can exceed it. */
export const CHUNK_MAX_CHARS = 900;
/** A heading opens a new chunk once the current one holds this much, so sections stay apart. */
const HEADING_BREAK_CHARS = 200;
const BLOCK_SEPARATOR = '\n\n';

/** Greedily joins pieces with `separator` into runs of at most `max` characters. */
function pack(pieces: string[], separator: string, max: number): string[] {
  const runs: string[] = [];
  let run = '';
  for (const piece of pieces) {
    if (run && run.length + separator.length + piece.length > max) {
      runs.push(run);
      run = '';
    }
    run = run ? run + separator + piece : piece;
  }
  if (run) runs.push(run);
  return runs;
}

/** A block too long for one chunk is cut between sentences, and a sentence too long between words. */
function splitLongBlock(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).flatMap((s) => (s.length > CHUNK_MAX_CHARS ? pack(s.split(/\s+/), ' ', CHUNK_MAX_CHARS) : [s]));
  return pack(sentences, ' ', CHUNK_MAX_CHARS);
}

function chunkBlocks(blocks: TextBlock[]): string[] {
  const chunks: string[] = [];
  let current: TextBlock[] = [];
  let length = 0;
  const add = (block: TextBlock) => {
    length = current.length === 0 ? block.text.length : length + BLOCK_SEPARATOR.length + block.text.length;
    current.push(block);
  };
  const close = () => {
    // A heading belongs with the text under it: it moves on to the next chunk.
    const carried = current.length > 1 && current[current.length - 1].heading ? current.pop() : undefined;
    chunks.push(current.map((b) => b.text).join(BLOCK_SEPARATOR));
    current = [];
    length = 0;
    if (carried) add(carried);
  };

  const pieces = blocks.flatMap((b) => (b.text.length > CHUNK_MAX_CHARS ? splitLongBlock(b.text).map((text) => ({ text, heading: false })) : [b]));
  for (const block of pieces) {
    if (current.length > 0) {
      const fits = length + BLOCK_SEPARATOR.length + block.text.length <= CHUNK_MAX_CHARS;
      if (!fits || length >= CHUNK_TARGET_CHARS || (block.heading && length >= HEADING_BREAK_CHARS)) close();
      // The carried heading and this block may still not fit together.
      if (current.length > 0 && length + BLOCK_SEPARATOR.length + block.text.length > CHUNK_MAX_CHARS) close();
    }
    add(block);
  }
  if (current.length > 0) chunks.push(current.map((b) => b.text).join(BLOCK_SEPARATOR));
  return chunks;
}

/**
 * Cuts a document into passages for full-text search: about 600–900 characters each, on paragraph
 * (and for markdown, heading) boundaries where possible, never inside a word, never empty.
 */
export function chunkDocument(text: string, format: 'text' | 'markdown'): string[] {
  // Postgres text cannot hold NUL; other control characters (common in extracted PDF text) are noise. A form feed is a page break.
  const clean = text.replace(/\f/g, '\n\n').replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
  return chunkBlocks(format === 'markdown' ? markdownBlocks(clean) : textBlocks(clean));
}
