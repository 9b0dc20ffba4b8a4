/**
 * The product as bench/inbox.ts runs it (bench/lib/product.ts with the Gemini simulator), and a Temporal
 * client for reading workflow histories; back once the API answers and the worker polls.
 */
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { taskQueue } from '../../domain/contracts';
import type { GeminiSimulator } from '../../sandbox/gemini';
import type { MetaSimulator } from '../../sandbox/meta';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { type AppProcess, logTail, waitForHealthy, waitForPoller } from './app-process';
import { say } from './bench-main';
import { QUEUE_PREFIX, startProduct } from './product';
import type { BenchStack } from './stack';

export interface InboxApp {
  config: AppConfig;
  db: Database;
  meta: MetaSimulator;
  gemini: GeminiSimulator;
  apiUrl: string;
  api: AppProcess;
  worker: AppProcess;
  temporal: Client;
}

export interface StartOptions {
  root: string;
  dataDir: string;
  stack: BenchStack;
  teardown: Teardown;
  lock: StackLock;
  signal: AbortSignal;
  logLevel: string;
  profileDir: string | undefined;
  /** An app process exited; `reason()` says how, with its log's tail. */
  onExit(reason: () => string): void;
}

export async function startInboxApp(o: StartOptions): Promise<InboxApp> {
  const { stack, teardown, signal } = o;
  const product = await startProduct({ ...o, gemini: true });
  const { config, db, meta, gemini, apiUrl } = product;
  const connection = await Connection.connect({ address: stack.temporalAddress });
  teardown.add('bench Temporal client', () => connection.close());
  const temporal = new Client({ connection, namespace: stack.namespace });

  const spawn = (name: 'api' | 'worker') => product.spawn(name, (how, proc) => o.onExit(() => `${how}:\n${logTail(proc.logFile)}`));
  const api = spawn('api');
  const worker = spawn('worker');
  const started = Date.now();
  await waitForHealthy(`${apiUrl}/healthz`, api, 120_000, signal);
  say(`API up at ${apiUrl} (log: ${api.logFile})`);
  await waitForPoller(temporal, taskQueue('conversations', QUEUE_PREFIX), worker, 180_000, signal);
  say(`worker polling after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${worker.logFile}); Gemini simulator at ${gemini.url}`);
  return { config, db, meta, gemini, apiUrl, api, worker, temporal };
}
