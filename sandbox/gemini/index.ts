import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { controlAccessOf } from '../control-access';
import { FaultStore } from './faults';
import { handleModelCall, send, type ServerDeps } from './server';
import type { GeminiRequestRecord, GeminiSimulator, GeminiSimulatorOptions, KnowledgeDoc, NextAnswer } from './types';

export type { GeminiFault } from './faults';
export type { ActiveGeminiFault, AgentAnswer, GeminiOperation, GeminiRequestRecord, GeminiSimulator, GeminiSimulatorOptions, KnowledgeDoc, NextAnswer } from './types';
export { embed, cosine } from './embed';
export { REPLIES } from './answer';

export async function startGeminiSimulator(opts: GeminiSimulatorOptions): Promise<GeminiSimulator> {
  const access = controlAccessOf(opts.control);
  const stopping = new AbortController();
  let responses = 0;
  const deps: ServerDeps = {
    apiKey: opts.apiKey,
    faults: new FaultStore(),
    requests: [] as GeminiRequestRecord[],
    knowledge: new Map<string, KnowledgeDoc[]>(),
    answers: [] as NextAnswer[],
    nextResponseId: () => `sim${(++responses).toString(36).padStart(8, '0')}`,
    stopping: stopping.signal,
  };

  let sim: GeminiSimulator | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done = url.pathname === '/_sim' || url.pathname.startsWith('/_sim/') ? handleControl(sim!, access, req, res, url) : handleModelCall(deps, req, res, url);
    done.catch((err: unknown) => {
      console.error('[gemini-sim] unexpected error', err);
      send(res, { status: 500, body: { error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } } });
    });
  });

  // Clients reuse idle connections until the server's Keep-Alive hint; a short one races a busy client into ECONNRESET.
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  sim = {
    url: `http://${reachableHost}:${port}`,
    controlToken: access.token,
    setKnowledge: (tenantKey, docs) => {
      if (docs.length === 0) deps.knowledge.delete(tenantKey);
      else deps.knowledge.set(tenantKey, [...docs]);
    },
    nextAnswers: (answers) => {
      deps.answers.push(...answers);
    },
    injectFault: (spec) => deps.faults.add(spec),
    clearFaults: () => deps.faults.clear(),
    activeFaults: () => deps.faults.list(),
    requests: () => deps.requests.map((r) => ({ ...r })),
    reset: () => {
      deps.requests.length = 0;
      deps.answers.length = 0;
      deps.knowledge.clear();
      deps.faults.clear();
    },
    stop: async () => {
      stopping.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sim;
}
