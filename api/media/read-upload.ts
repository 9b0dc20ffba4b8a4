import { Readable } from 'node:stream';
import type { Context } from 'koa';
import { AppError } from '../../domain/errors';
import { maxMediaBytes } from '../../domain/media';

// Room for the multipart framing and the small fields around the file.
const FRAMING_BYTES = 64 * 1024;

export interface Upload {
  file: File;
  /** The optional `type` field (as in Meta's own upload), for clients that send files as application/octet-stream. */
  type: string | undefined;
}

/**
 * Reads a multipart/form-data upload with Node's built-in parser (WHATWG `Request.formData()`). It holds
 * the body in memory, so the body is counted as it arrives and cut off past the largest file WhatsApp
 * takes: a missing or lying Content-Length cannot get more through.
 */
export async function readUpload(ctx: Context): Promise<Upload> {
  if (!ctx.is('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a part named "file"');
  }
  const maxBody = maxMediaBytes + FRAMING_BYTES;
  if ((ctx.request.length ?? 0) > maxBody) throw tooLarge();
  let exceeded = false;
  async function* counted(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let received = 0;
    for await (const chunk of source) {
      received += chunk.length;
      if (received > maxBody) {
        exceeded = true;
        throw new Error('upload too large');
      }
      yield chunk;
    }
  }
  let form: FormData;
  try {
    const body = Readable.toWeb(Readable.from(counted(ctx.req))) as unknown as BodyInit;
    const init = { method: 'POST', headers: { 'content-type': ctx.get('content-type') }, body, duplex: 'half' };
    form = await new Request('http://upload.invalid/', init as RequestInit).formData();
  } catch {
    if (exceeded) throw tooLarge();
    throw new AppError('validation_failed', 'The upload is not valid multipart/form-data', { details: [{ path: 'file', message: 'unreadable multipart body' }] });
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    throw new AppError('validation_failed', 'Attach the file in a part named "file"', { details: [{ path: 'file', message: 'Required' }] });
  }
  const type = form.get('type');
  return { file, type: typeof type === 'string' && type.trim() ? type : undefined };
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', `The upload is larger than WhatsApp accepts for any file (${maxMediaBytes / 1024 / 1024} MB)`);
}
