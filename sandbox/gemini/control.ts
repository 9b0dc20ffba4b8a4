import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ZGeminiFault } from './faults';
import { readBody, send } from './server';
import type { GeminiSimulator } from './types';
import { checkControl, CONTROL_TOKEN_HEADER, type ControlAccess } from '../control-access';

const ZDoc = z.union([z.string().min(1), z.strictObject({ title: z.string().optional(), text: z.string().min(1) })]);
const ZAnswer = z.union([
  z.strictObject({ text: z.string() }),
  z.strictObject({ reply: z.string().optional(), confidence: z.number().min(0).max(1).optional(), intent: z.string().optional(), handoff: z.boolean().optional() }),
]);

type Route = (sim: GeminiSimulator, body: unknown, param: string) => unknown;

const ROUTES: Record<string, Route> = {
  'GET /health': (sim) => ({ ok: true, url: sim.url }),
  'PUT /knowledge/:key': (sim, body, key) => sim.setKnowledge(key, z.object({ docs: z.array(ZDoc) }).parse(body).docs),
  'POST /answers': (sim, body) => sim.nextAnswers(z.object({ answers: z.array(ZAnswer) }).parse(body).answers),
  'GET /faults': (sim) => ({ data: sim.activeFaults() }),
  'POST /faults': (sim, body) => ({ id: sim.injectFault(ZGeminiFault.parse(body)) }),
  'DELETE /faults': (sim) => sim.clearFaults(),
  'GET /requests': (sim) => ({ data: sim.requests() }),
  'POST /reset': (sim) => sim.reset(),
};

/** `/_sim/*`: drive the simulator over HTTP, with the control token, from no foreign origin. Errors are plain `{error:{message}}` 400s. */
export async function handleControl(sim: GeminiSimulator, access: ControlAccess, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
  const verdict = checkControl(access, { method: req.method ?? 'GET', origin: header('origin'), token: header(CONTROL_TOKEN_HEADER) });
  const cors = verdict.headers;
  if (!verdict.allowed) return send(res, { status: verdict.status, body: { error: { message: verdict.message } }, headers: cors });
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return;
  }
  const path = url.pathname.slice('/_sim'.length);
  const knowledge = /^\/knowledge\/([^/]+)$/.exec(path);
  const key = `${req.method} ${knowledge ? '/knowledge/:key' : path}`;
  const route = ROUTES[key];
  if (!route) return send(res, { status: 404, body: { error: { message: `No simulator route ${req.method} ${url.pathname}` } }, headers: cors });
  try {
    const raw = await readBody(req);
    const result = route(sim, raw.trim() === '' ? {} : JSON.parse(raw), knowledge ? decodeURIComponent(knowledge[1]) : '');
    send(res, { status: 200, body: result ?? { ok: true }, headers: cors });
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
    send(res, { status: 400, body: { error: { message } }, headers: cors });
  }
}
