// Runs in a worker thread (see pdf-text.ts): pdf.js is ES-module only and parsing an untrusted PDF is
// CPU-bound, so it never runs on the API's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

try {
  const pdf = await getDocumentProxy(workerData, { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  const { text } = await extractText(pdf, { mergePages: false });
  await pdf.destroy();
  parentPort.postMessage({ ok: true, pages: text });
} catch (err) {
  parentPort.postMessage({ ok: false, name: String(err?.name ?? 'Error'), message: String(err?.message ?? err) });
}
