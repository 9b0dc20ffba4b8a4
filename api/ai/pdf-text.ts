import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors';

const WORKER_PATH = join(__dirname, 'pdf-text-worker.mjs');
/** A crafted PDF can make pdf.js spin or allocate without end: it gets this long and this much heap. */
const TIMEOUT_MS = 20_000;
const HEAP_MB = 256;

type WorkerAnswer = { ok: true; pages: string[] } | { ok: false; name: string; message: string };

const unreadable = (message: string) => new AppError('unprocessable', message, { details: [{ path: 'content', message }] });

/** `content` of a pdf document: base64 (a `data:` URL prefix and line breaks are tolerated). */
export function decodePdfContent(content: string): Uint8Array {
  const base64 = content.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw unreadable('content must be the PDF file encoded in base64');
  }
  const bytes = Buffer.from(base64, 'base64');
  // PDF readers accept the header anywhere in the first 1 KB.
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw unreadable('This file is not a PDF');
  return new Uint8Array(bytes);
}

/** The text of each page, read by pdf.js in a worker thread (see pdf-text-worker.mjs). */
export function extractPdfPages(pdf: Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_PATH, { workerData: pdf, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(unreadable('This PDF took too long to read; try a smaller file or paste its text'))), TIMEOUT_MS);
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) return resolve(answer.pages);
        if (answer.name === 'PasswordException') return reject(unreadable('This PDF is password-protected; upload it without a password'));
        reject(unreadable('This PDF could not be read: it is damaged or not a PDF'));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? unreadable('This PDF is too complex to read; try a smaller file or paste its text') : err)),
    );
    worker.once('exit', () => settle(() => reject(new Error('the PDF reader stopped without an answer'))));
  });
}
