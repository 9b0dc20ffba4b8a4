import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { batchEmbedContents, embedContent } from './embeddings';
import { GoogleError, httpFault, invalidArgument, invalidKey, missingKey, notFound } from './errors';
import type { FaultStore } from './faults';
import { generate, type AnswerShape, type GenerateState } from './generate';
import type { GeminiOperation, GeminiRequestRecord } from './types';

export interface ServerDeps extends GenerateState {
  apiKey: string;
  faults: FaultStore;
  requests: GeminiRequestRecord[];
  /** Aborted by stop(): releases delayed and hanging requests. */
  stopping: AbortSignal;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is (server-sent events, truncated JSON). */
  raw?: { type: string; text: string };
}

const MODEL_CALL = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):([A-Za-z]+)$/;
const OPERATIONS: GeminiOperation[] = ['generateContent', 'streamGenerateContent', 'embedContent', 'batchEmbedContents'];
const BODY_LIMIT = 20 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw invalidArgument('Request payload size exceeds the limit: 20971520 bytes.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const text = reply.raw?.text ?? JSON.stringify(reply.body, null, 2);
  res.writeHead(reply.status, { 'content-type': reply.raw?.type ?? 'application/json; charset=UTF-8', ...reply.headers });
  res.end(text);
}

const errorReply = (err: GoogleError): Reply => ({ status: err.code, body: err.body(), headers: err.headers });

function checkKey(deps: ServerDeps, req: IncomingMessage, url: URL): void {
  const header = req.headers['x-goog-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key') ?? undefined;
  if (!key) throw missingKey();
  if (key !== deps.apiKey) throw invalidKey();
}

function supports(model: string, operation: GeminiOperation): boolean {
  const embedding = /embedding/i.test(model);
  return operation.toLowerCase().includes('embed') ? embedding : !embedding && /^(gemini|gemma|learnlm)-/i.test(model);
}

/** A model API call (`/{version}/models/{model}:{operation}`), recorded with its final status. */
export async function handleModelCall(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const record: GeminiRequestRecord = { at: Date.now(), method: req.method ?? 'GET', path: url.pathname, body: undefined };
  deps.requests.push(record);
  let reply: Reply;
  try {
    reply = await modelCall(deps, req, res, url, record);
  } catch (err) {
    if (!(err instanceof GoogleError)) console.error('[gemini-sim] unexpected error', err);
    reply = errorReply(err instanceof GoogleError ? err : new GoogleError(500, 'INTERNAL', 'An internal error has occurred.'));
  }
  if (res.destroyed) return;
  record.status = reply.status;
  send(res, reply);
}

async function modelCall(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL, record: GeminiRequestRecord): Promise<Reply> {
  const match = MODEL_CALL.exec(url.pathname);
  const raw = await readBody(req);
  checkKey(deps, req, url);
  let parsed = true;
  try {
    record.body = raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    parsed = false;
    record.body = raw;
  }
  if (!match) throw notFound(`The requested URL ${url.pathname} was not found on this server.`);
  const [, apiVersion, model, operation] = match as unknown as [string, string, string, GeminiOperation];
  Object.assign(record, { apiVersion, model, operation: OPERATIONS.includes(operation) ? operation : undefined });
  if (req.method !== 'POST' || !OPERATIONS.includes(operation)) throw notFound(`Method ${operation} not found on models/${model}.`);
  if (!supports(model, operation)) {
    throw notFound(
      `models/${model} is not found for API version ${apiVersion}, or is not supported for ${operation}. Call ListModels to see the list of available models and their supported methods.`,
    );
  }
  if (!parsed) throw invalidArgument(`Invalid JSON payload received. Unexpected token.\n${raw.slice(0, 40)}\n^`);
  const body = (record.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidArgument('Invalid JSON payload received. Expected an object.');

  const generating = operation === 'generateContent' || operation === 'streamGenerateContent';
  const fault = deps.faults.take(generating ? 'generate' : 'embed');
  record.faultId = fault?.id;
  let shape: AnswerShape = 'normal';
  switch (fault?.spec.kind) {
    case 'http':
      throw httpFault(fault.spec.status, model, fault.spec.retryAfterSeconds);
    case 'delay':
      await sleep(fault.spec.ms, undefined, { signal: deps.stopping }).catch(() => undefined);
      break;
    case 'hang':
      await new Promise<void>((resolve) => {
        res.once('close', resolve);
        deps.stopping.addEventListener('abort', () => resolve(), { once: true });
      });
      res.destroy();
      return { status: 0, body: null };
    case 'malformed-body':
      return {
        status: 200,
        body: null,
        raw: { type: 'application/json; charset=UTF-8', text: '{\n  "candidates": [\n    {\n      "content": {\n        "parts": [\n          {\n            "text": "{\\"reply' },
      };
    case 'malformed-text':
    case 'blocked':
    case 'safety':
      shape = fault.spec.kind;
      break;
  }

  if (!generating) return { status: 200, body: operation === 'embedContent' ? embedContent(body) : batchEmbedContents(body) };
  const response = generate(deps, model, body, shape, record);
  if (operation === 'generateContent') return { status: 200, body: response };
  // streamGenerateContent: one chunk holding the whole answer.
  if (url.searchParams.get('alt') === 'sse') return { status: 200, body: null, raw: { type: 'text/event-stream', text: `data: ${JSON.stringify(response)}\r\n\r\n` } };
  return { status: 200, body: [response] };
}
