import { CHUNK_MAX_CHARS, CHUNK_TARGET_CHARS, chunkDocument } from './knowledge-chunk';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Deterministic prose: sentences of varied length built from a fixed vocabulary. */
function prose(sentences: number, seed = 1): string {
  const vocabulary = [
    'delivery',
    'order',
    'refund',
    'we',
    'ship',
    'within',
    'two',
    'days',
    'across',
    'India',
    'customers',
    'can',
    'track',
    'parcels',
    'online',
    'support',
    'team',
    'answers',
    'quickly',
  ];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: sentences }, () => {
    const n = 6 + (next() % 14);
    const sentence = Array.from({ length: n }, () => vocabulary[next() % vocabulary.length]).join(' ');
    return sentence[0].toUpperCase() + sentence.slice(1) + '.';
  }).join(' ');
}

describe('chunkDocument', () => {
  it('keeps a short document as one chunk, trimmed', () => {
    expect(chunkDocument('  We are open 9am to 6pm, Monday to Saturday.  \n\n', 'text')).toEqual(['We are open 9am to 6pm, Monday to Saturday.']);
  });

  it('returns no chunks for blank input', () => {
    expect(chunkDocument(' \n\n \t\n', 'text')).toEqual([]);
    expect(chunkDocument('#\n\n```\n```\n---', 'markdown')).toEqual([]);
  });

  it('joins paragraphs into chunks of about 600-900 characters, cutting only between paragraphs', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => prose(2 + (i % 3), i + 1));
    const chunks = chunkDocument(paragraphs.join('\n\n'), 'text');
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThan(CHUNK_TARGET_CHARS - 300);
    // Every chunk is whole paragraphs, in order, nothing lost.
    expect(chunks.flatMap((c) => c.split('\n\n'))).toEqual(paragraphs);
  });

  it('cuts a long paragraph between sentences and never inside a word', () => {
    const text = prose(80, 7);
    const chunks = chunkDocument(text, 'text');
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
      expect(chunk).toMatch(/\.$/);
    }
    expect(words(chunks.join(' '))).toEqual(words(text));
  });

  it('cuts a sentence with no full stops between words', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkDocument(text, 'text');
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_MAX_CHARS);
    expect(words(chunks.join(' '))).toEqual(words(text));
  });

  it('keeps a single word longer than a chunk whole rather than splitting it', () => {
    const long = 'x'.repeat(CHUNK_MAX_CHARS + 50);
    expect(chunkDocument(`Before.\n\n${long}\n\nAfter.`, 'text')).toEqual(['Before.', long, 'After.']);
  });

  it('starts a new chunk at a markdown heading and keeps each heading with its section', () => {
    const md = ['# Opening hours', prose(4, 3), '## Delivery', prose(4, 4), '## Returns', prose(3, 5)].join('\n\n');
    const chunks = chunkDocument(md, 'markdown');
    expect(chunks.map((c) => c.split('\n\n')[0])).toEqual(['Opening hours', 'Delivery', 'Returns']);
    for (const chunk of chunks) expect(chunk).not.toContain('#');
  });

  it('never leaves a heading at the end of a chunk when its section moves on', () => {
    const md = `${prose(3, 8)}\n\n## Payment\n\n${prose(12, 9)}`;
    for (const chunk of chunkDocument(md, 'markdown')) expect(chunk.endsWith('Payment')).toBe(false);
  });

  it('strips markdown syntax from the stored text', () => {
    const md = [
      'Title',
      '=====',
      'We are **open** _daily_ and `24/7`; see [our site](https://shop.example/hours "Hours") or <https://shop.example>.',
      '* first item',
      '+ second ~~old~~ item',
      '> quoted ![logo](logo.png) text',
      '| day | hours |',
      '| --- | :---: |',
      '| Mon | 9-6 |',
      '```js',
      'const **keep** = 1;',
      '```',
      '---',
      'Escaped \\*stars\\* and snake_case_name stay.',
    ].join('\n');
    expect(chunkDocument(md, 'markdown')).toEqual([
      [
        'Title',
        'We are open daily and 24/7; see our site (https://shop.example/hours) or https://shop.example.\n- first item\n- second old item\nquoted logo text\n| day | hours |\n| Mon | 9-6 |',
        'const **keep** = 1;',
        'Escaped *stars* and snake_case_name stay.',
      ].join('\n\n'),
    ]);
  });

  it('drops NUL and other control characters, and breaks paragraphs at form feeds', () => {
    expect(chunkDocument('Page\u0000 one\u0007.\fPage two\tend.', 'text')).toEqual(['Page one.\n\nPage two\tend.']);
  });

  it('keeps plain text as written, markdown characters included', () => {
    expect(chunkDocument('Price: **₹999** a month\r\nline two', 'text')).toEqual(['Price: **₹999** a month\nline two']);
  });
});
