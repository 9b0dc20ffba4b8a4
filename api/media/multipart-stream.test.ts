import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MultipartError, multipartBoundary, readMultipart, type PartHeaders } from './multipart-stream';

const BOUNDARY = '----aerostic7MA4YWxkTrZu0gW';

function body(parts: { headers: string[]; content: Buffer }[], { preamble = '', epilogue = '' } = {}): Buffer {
  const pieces: Buffer[] = [Buffer.from(preamble)];
  for (const part of parts) pieces.push(Buffer.from(`--${BOUNDARY}\r\n${part.headers.join('\r\n')}\r\n\r\n`), part.content, Buffer.from('\r\n'));
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n${epilogue}`));
  return Buffer.concat(pieces);
}

async function* chunked(bytes: Buffer, size: number | (() => number)): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length;) {
    const n = typeof size === 'number' ? size : size();
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function collect(source: AsyncIterable<Buffer>): Promise<{ headers: PartHeaders; content: Buffer }[]> {
  const parts: { headers: PartHeaders; content: Buffer }[] = [];
  await readMultipart(source, BOUNDARY, async (headers, stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    parts.push({ headers, content: Buffer.concat(chunks) });
  });
  return parts;
}

// File content that holds near-misses of the delimiter, which must stay content.
const tricky = Buffer.concat([randomBytes(3000), Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}X\r\n--\r\n-`), randomBytes(5000), Buffer.from(`--${BOUNDARY}`)]);
const form = body(
  [
    { headers: ['Content-Disposition: form-data; name="type"'], content: Buffer.from('image/jpeg') },
    { headers: ['Content-Disposition: form-data; name="file"; filename="a \\"b\\" %22c%22.jpg"', 'Content-Type: image/jpeg'], content: tricky },
  ],
  { preamble: 'ignored preamble\r\n', epilogue: 'ignored epilogue' },
);

describe('readMultipart', () => {
  it.each([
    ['one chunk', form.length],
    ['1-byte chunks', 1],
    ['7-byte chunks', 7],
    ['chunks the size of the delimiter', BOUNDARY.length + 4],
    ['random chunks', () => 1 + Math.floor(Math.random() * 900)],
  ])('reads fields and the file byte for byte from %s', async (_label, size) => {
    const parts = await collect(chunked(form, size));
    expect(parts.map((p) => p.headers)).toEqual([
      { name: 'type', filename: undefined, contentType: undefined },
      { name: 'file', filename: 'a "b" "c".jpg', contentType: 'image/jpeg' },
    ]);
    expect(parts[0].content.toString()).toBe('image/jpeg');
    expect(parts[1].content.equals(tricky)).toBe(true);
  });

  it('refuses a body cut before its closing boundary, part headers without a name, and an unbounded preamble', async () => {
    await expect(collect(chunked(form.subarray(0, form.length - 40), 100))).rejects.toThrow(new MultipartError('the body ended before its closing boundary'));
    const nameless = body([{ headers: ['Content-Disposition: form-data; filename="x"'], content: Buffer.from('x') }]);
    await expect(collect(chunked(nameless, 10))).rejects.toThrow(/no name/);
    await expect(collect(chunked(Buffer.alloc(200_000, 'a'), 4096))).rejects.toThrow(/no multipart boundary/);
  });

  it("stops reading as soon as a part's consumer fails, with the consumer's error", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big"\r\n\r\n`);
      for (;;) {
        pulled += 1;
        yield Buffer.alloc(64 * 1024, 1);
      }
    }
    const tooMuch = new Error('over the limit');
    await expect(
      readMultipart(endless(), BOUNDARY, async (_h, stream) => {
        let size = 0;
        for await (const chunk of stream) {
          size += (chunk as Buffer).length;
          if (size > 1024 * 1024) throw tooMuch;
        }
      }),
    ).rejects.toBe(tooMuch);
    expect(pulled).toBeLessThan(40);
  });

  it('finds the boundary in the Content-Type, quoted or not', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
  });
});
