/**
 * The product as bench/inbox.ts runs it on its isolated stack: the Meta and Gemini simulators in the bench
 * process, the API and the worker as separate processes (as `npm start` runs them), a Temporal client
 * for reading workflow histories.
 */
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, type AppConfig } from '../../config';
import { createDatabase, type Database } from '../../db/connection';
import { taskQueue } from '../../domain/contracts';
import { startGeminiSimulator, type GeminiSimulator } from '../../sandbox/gemini';
import { startMetaSimulator, type MetaSimulator } from '../../sandbox/meta';
import { startRazorpaySimulator } from '../../sandbox/razorpay';
import { freePort } from '../../scripts/stack/free-port';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { type AppProcess, logTail, spawnAppProcess, waitForHealthy, waitForPoller } from './app-process';
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
  /** An app process exited while the bench still needed it. */
  onExit(how: string): void;
}

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

export async function startInboxApp(o: StartOptions): Promise<InboxApp> {
  const { stack, teardown, lock, signal } = o;
  const queuePrefix = 'bench';
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.namespace,
    TEMPORAL_TASK_QUEUE_PREFIX: queuePrefix,
    AEROSTIC_DATA_DIR: o.dataDir,
    AEROSTIC_SANDBOX: '1',
    HOST: '127.0.0.1',
    LOG_LEVEL: o.logLevel,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    OTP_RATE_LIMIT_PER_HOUR: '1000',
    ...(stack.workflowBundle ? { AEROSTIC_WORKFLOW_BUNDLE: stack.workflowBundle } : {}),
  };
  // Generates the data dir's secrets, which the API and worker processes then read.
  const config = loadConfig(baseEnv);
  const meta = await startMetaSimulator({ appId: config.meta.appId, appSecret: config.meta.appSecret, graphVersion: config.meta.graphVersion });
  const gemini = await startGeminiSimulator({ apiKey: config.gemini.apiKey });
  const razorpay = await startRazorpaySimulator({ keyId: config.razorpay.keyId, keySecret: config.razorpay.keySecret, webhookSecret: config.razorpay.webhookSecret });
  teardown.add('simulators', async () => {
    await Promise.all([meta.stop(), gemini.stop(), razorpay.stop()]);
  });
  const db = createDatabase(stack.databaseUrl, { poolMax: 2 });
  teardown.add('bench database pool', () => db.destroy());
  const connection = await Connection.connect({ address: stack.temporalAddress });
  teardown.add('bench Temporal client', () => connection.close());
  const temporal = new Client({ connection, namespace: stack.namespace });

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    PORT: String(apiPort),
    PUBLIC_URL: apiUrl,
    META_GRAPH_URL: meta.url,
    META_OAUTH_DIALOG_URL: meta.dialogUrl,
    RAZORPAY_BASE_URL: razorpay.url,
    GEMINI_BASE_URL: gemini.url,
  };
  meta.setWebhookUrl(`${apiUrl}/webhooks/meta`);
  razorpay.setWebhookUrl(`${apiUrl}/webhooks/razorpay`);

  const spawn = (name: 'api' | 'worker'): AppProcess => {
    const proc = spawnAppProcess(o.root, name, appEnv, join(o.dataDir, `${name}.log`), o.profileDir);
    if (proc.pid) lock.record({ name, pid: proc.pid, marker: join(o.root, name, 'main.ts') });
    teardown.add(name, () => proc.stop(), () => proc.kill());
    void proc.exited.then((how) => o.onExit(`${how}:\n${logTail(proc.logFile)}`));
    return proc;
  };
  const api = spawn('api');
  const worker = spawn('worker');
  const started = Date.now();
  await waitForHealthy(`${apiUrl}/healthz`, api, 120_000, signal);
  say(`API up at ${apiUrl} (log: ${api.logFile})`);
  await waitForPoller(temporal, taskQueue('conversations', queuePrefix), worker, 180_000, signal);
  say(`worker polling after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${worker.logFile}); Gemini simulator at ${gemini.url}`);
  return { config, db, meta, gemini, apiUrl, api, worker, temporal };
}
