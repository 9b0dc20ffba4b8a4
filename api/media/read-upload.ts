import { pipeline, Transform, type Readable } from 'node:stream';
import type { Context } from 'koa';
import type { MediaStorage, StoredObject } from '../../db/media/storage';
import { newMediaKey } from '../../db/media/storage';
import { AppError } from '../../domain/errors';
import { maxMediaBytes, mediaKindOf, mediaLimits } from '../../domain/media';
import { MultipartError, multipartBoundary, readMultipart } from './multipart-stream';

const MB = 1024 * 1024;
// Room for the multipart framing and the small fields around the file.
const FRAMING_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 1024;

/** The file as stored (under `key`, to be removed by the caller if it refuses it) and what was said about it. */
export interface ReceivedUpload {
  key: string;
  stored: StoredObject;
  filename: string;
  /**
   * The optional `type` field (as in Meta's own upload, for clients that send files as
   * application/octet-stream; it must come before the file), else the file part's Content-Type.
   */
  mimeType: string;
}

/**
 * Streams a multipart/form-data upload straight into storage: the file part's bytes go to disk as
 * they arrive and are counted on the way, so the body is cut off with 413 at the limit — the type's
 * limit when the part's type (or an earlier `type` field) names it, else the largest WhatsApp takes —
 * whatever Content-Length says. Memory holds a delimiter's worth of the body, not the file.
 */
export async function receiveUpload(ctx: Context, storage: MediaStorage, tenantId: string): Promise<ReceivedUpload> {
  const boundary = multipartBoundary(ctx.get('content-type'));
  if (!ctx.is('multipart/form-data') || !boundary) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a part named "file"');
  }
  if ((ctx.request.length ?? 0) > maxMediaBytes + FRAMING_BYTES) throw tooLarge(maxMediaBytes);

  const fields = new Map<string, string>();
  let received: ReceivedUpload | undefined;
  let storing: { key: string; done: Promise<StoredObject> } | undefined;
  try {
    await readMultipart(counted(ctx.req.iterator({ destroyOnReturn: false }), maxMediaBytes + FRAMING_BYTES), boundary, async (part, body) => {
      if (part.name !== 'file' || part.filename === undefined) {
        fields.set(part.name, await readField(body));
        return;
      }
      if (storing) throw new AppError('validation_failed', 'Send one file per upload', { details: [{ path: 'file', message: 'more than one file' }] });
      const mimeType = (fields.get('type')?.trim() || part.contentType || '').trim().toLowerCase();
      const kind = mediaKindOf(mimeType);
      const limit = kind ? mediaLimits[kind].maxBytes : maxMediaBytes;
      const key = newMediaKey();
      // pipeline, not pipe: a body cut off by the parser must fail the write, not leave it waiting.
      const bytes = pipeline(body, limited(limit, kind), () => undefined);
      storing = { key, done: storage.put(tenantId, key, bytes, mimeType) };
      const stored = await storing.done;
      received = { key, stored, filename: part.filename, mimeType };
    });
  } catch (err) {
    if (storing) await storing.done.then(() => storage.remove(tenantId, storing!.key)).catch(() => undefined);
    if (err instanceof AppError) throw err;
    if (err instanceof MultipartError) {
      throw new AppError('validation_failed', 'The upload is not valid multipart/form-data', { details: [{ path: 'file', message: err.message }] });
    }
    throw err;
  }
  if (!received) throw new AppError('validation_failed', 'Attach the file in a part named "file"', { details: [{ path: 'file', message: 'Required' }] });
  return received;
}

export function tooLarge(limit: number, kind?: string): AppError {
  const what = kind ? `${kind} files` : 'any file';
  // Closing the connection stops the client from sending the rest of a body we will not read.
  return new AppError('payload_too_large', `WhatsApp accepts ${what} up to ${limit / MB} MB`, { headers: { Connection: 'close' } });
}

/** Stopping early leaves the request open (not destroyed), so the 413 still reaches the client before the connection closes. */
async function* counted(source: AsyncIterable<Buffer>, max: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > max) throw tooLarge(maxMediaBytes);
    yield chunk;
  }
}

function limited(limit: number, kind: string | undefined): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? tooLarge(limit, kind) : null, chunk);
    },
  });
}

async function readField(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FIELD_BYTES) throw new AppError('validation_failed', 'A form field is too long', { details: [{ path: 'type', message: `over ${MAX_FIELD_BYTES} bytes` }] });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
