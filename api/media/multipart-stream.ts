import { PassThrough, type Readable } from 'node:stream';

export interface PartHeaders {
  name: string;
  filename?: string;
  contentType?: string;
}

/** The body is not multipart/form-data as RFC 7578 writes it. */
export class MultipartError extends Error {}

const MAX_HEADER_BYTES = 8 * 1024;
const MAX_PREAMBLE_BYTES = 64 * 1024;
const MAX_PARTS = 16;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Streams each part of a multipart/form-data body to `onPart` as its bytes arrive, never holding
 * more than a part's headers and a delimiter's length in memory. Writes wait for the consumer
 * (backpressure), so a slow disk slows the upload instead of filling memory. A consumer that throws
 * stops the read at once with its error.
 */
export async function readMultipart(source: AsyncIterable<Buffer>, boundary: string, onPart: (headers: PartHeaders, body: Readable) => Promise<void>): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = CRLF; // so the opening boundary line matches the delimiter like every later one
  let state = 'preamble' as 'preamble' | 'delimited' | 'headers' | 'body' | 'done';
  let part: PassThrough | undefined;
  let parts = 0;
  let failure: unknown;
  const consumers: Promise<void>[] = [];

  const write = async (data: Buffer) => {
    if (!part || part.destroyed || data.length === 0) return;
    if (!part.write(data)) await drained(part);
  };

  /** Advances by one step; false when it needs more bytes. */
  const step = async (): Promise<boolean> => {
    switch (state) {
      case 'preamble': {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          if (buffer.length > MAX_PREAMBLE_BYTES) throw new MultipartError('no multipart boundary found');
          return false;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = 'delimited';
        return true;
      }
      case 'delimited': {
        if (buffer.length < 2) return false;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done';
          return false;
        }
        const eol = buffer.indexOf(CRLF);
        if (eol < 0 || buffer.subarray(0, eol).toString('latin1').trim() !== '') {
          if (eol >= 0 || buffer.length > 256) throw new MultipartError('malformed boundary line');
          return false;
        }
        buffer = buffer.subarray(eol + 2);
        state = 'headers';
        return true;
      }
      case 'headers': {
        if (buffer.length >= 2 && buffer[0] === 0x0d && buffer[1] === 0x0a) throw new MultipartError('a part has no headers');
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError('part headers too long');
          return false;
        }
        if (++parts > MAX_PARTS) throw new MultipartError(`more than ${MAX_PARTS} parts`);
        const headers = parseHeaders(buffer.subarray(0, end).toString('utf8'));
        buffer = buffer.subarray(end + HEADER_END.length);
        // Parts are handled in order: a field read before the file is known when the file starts.
        await Promise.all(consumers);
        const body = new PassThrough();
        part = body;
        consumers.push(
          onPart(headers, body).catch((err: unknown) => {
            failure ??= err;
            body.destroy();
          }),
        );
        state = 'body';
        return true;
      }
      case 'body': {
        const at = buffer.indexOf(delimiter);
        if (at >= 0) {
          await write(buffer.subarray(0, at));
          part?.end();
          part = undefined;
          buffer = buffer.subarray(at + delimiter.length);
          state = 'delimited';
          return true;
        }
        // Everything but a possible start of the delimiter can go on.
        const keep = delimiter.length - 1;
        if (buffer.length > keep) {
          await write(buffer.subarray(0, buffer.length - keep));
          buffer = Buffer.from(buffer.subarray(buffer.length - keep));
        }
        return false;
      }
      case 'done':
        return false;
    }
  };

  try {
    for await (const chunk of source) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : Buffer.from(chunk);
      while (failure === undefined && (await step()));
      if (failure !== undefined) throw failure;
      if (state === 'done') break;
    }
    if (state !== 'done') throw new MultipartError('the body ended before its closing boundary');
    await Promise.all(consumers);
    if (failure !== undefined) throw failure;
  } catch (err) {
    const cause = failure ?? err;
    part?.destroy();
    await Promise.allSettled(consumers);
    throw cause;
  }
}

function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: Error) => {
      stream.off('drain', onDrain).off('close', onDrain).off('error', settle);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    stream.on('drain', onDrain).on('close', onDrain).on('error', settle);
  });
}

function parseHeaders(block: string): PartHeaders {
  const fields = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('malformed part header');
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = fields.get('content-disposition') ?? '';
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('a part is not form-data');
  const name = dispositionParam(disposition, 'name');
  if (name === undefined) throw new MultipartError('a part has no name');
  return { name, filename: dispositionParam(disposition, 'filename'), contentType: fields.get('content-type') };
}

function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(disposition);
  if (!match) return undefined;
  // Browsers (WHATWG HTML) write ", CR and LF in names as %22, %0D and %0A; some older clients escape with a backslash.
  const value = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
  return value.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
