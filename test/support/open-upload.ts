import { request as httpRequest, type ClientRequest } from 'node:http';

export interface AnsweredUpload {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  /** Bytes handed to the socket when the answer arrived. */
  sentAtAnswer: number;
}

/**
 * A request body sent piece by piece, as a slow or hostile client would (chunked, no Content-Length),
 * so a test can hold an upload open or watch where the server cuts one off.
 */
export class OpenUpload {
  private readonly req: ClientRequest;
  private sentBytes = 0;
  private closed = false;
  readonly answer: Promise<AnsweredUpload>;
  answered = false;

  constructor(url: string, path: string, headers: Record<string, string>) {
    this.req = httpRequest(new URL(path, url), { method: 'POST', headers });
    this.req.on('close', () => (this.closed = true));
    this.answer = new Promise((resolve, reject) => {
      this.req.on('response', (res) => {
        this.answered = true;
        const sentAtAnswer = this.sentBytes;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {}, sentAtAnswer });
        });
      });
      // Writing into a connection the server closed after answering is expected; before an answer it is not.
      this.req.on('error', (err) => {
        if (!this.answered) reject(err);
      });
    });
    this.answer.catch(() => undefined);
  }

  get sent(): number {
    return this.sentBytes;
  }

  /** Resolves when the bytes are taken (backpressure), or at once when the server has answered or closed. */
  write(bytes: Buffer | string): Promise<void> {
    if (this.answered || this.closed) return Promise.resolve();
    this.sentBytes += Buffer.byteLength(bytes);
    if (this.req.write(bytes)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.req.off('drain', done).off('close', done);
        resolve();
      };
      this.req.on('drain', done).on('close', done);
      void this.answer.then(done, done);
    });
  }

  async finish(bytes?: Buffer | string): Promise<AnsweredUpload> {
    if (bytes !== undefined) await this.write(bytes);
    if (!this.answered && !this.closed) this.req.end();
    return this.answer;
  }
}

export function multipartHead(boundary: string, fields: Record<string, string>, file: { filename: string; contentType: string }): string {
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
}

export const multipartTail = (boundary: string) => `\r\n--${boundary}--\r\n`;
