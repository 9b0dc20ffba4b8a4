/**
 * The product on a bench stack, as `npm start` runs it: the API and the worker as separate processes,
 * the Meta and Razorpay simulators (and the Gemini one where the bench needs AI replies) in the bench
 * process, and a small database pool for the bench's own reads.
 */
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../config';
import { createDatabase, type Database } from '../../db/connection';
import { startGeminiSimulator, type GeminiSimulator } from '../../sandbox/gemini';
import { startMetaSimulator, type MetaSimulator } from '../../sandbox/meta';
import { startRazorpaySimulator } from '../../sandbox/razorpay';
import { freePort } from '../../scripts/stack/free-port';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { type AppProcess, spawnAppProcess } from './app-process';
import type { BenchStack } from './stack';

export const QUEUE_PREFIX = 'bench';

export interface ProductOptions {
  root: string;
  dataDir: string;
  stack: BenchStack;
  teardown: Teardown;
  lock: StackLock;
  logLevel: string;
  profileDir: string | undefined;
  gemini?: boolean;
}

export interface Product {
  config: AppConfig;
  db: Database;
  meta: MetaSimulator;
  gemini: GeminiSimulator | undefined;
  apiUrl: string;
  /** Starts the API or the worker; `onExit` hears how it ended, whenever it does. */
  spawn(name: 'api' | 'worker', onExit: (how: string, proc: AppProcess) => void): AppProcess;
}

export async function startProduct(o: ProductOptions & { gemini: true }): Promise<Product & { gemini: GeminiSimulator }>;
export async function startProduct(o: ProductOptions): Promise<Product>;
export async function startProduct(o: ProductOptions): Promise<Product> {
  const { stack, teardown, lock } = o;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.namespace,
    TEMPORAL_TASK_QUEUE_PREFIX: QUEUE_PREFIX,
    AEROSTIC_DATA_DIR: o.dataDir,
    AEROSTIC_SANDBOX: '1',
    HOST: '127.0.0.1',
    LOG_LEVEL: o.logLevel,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    OTP_RATE_LIMIT_PER_HOUR: '1000',
    // The bench posts every webhook from one loopback address; production's per-client ceiling would cap the rate it measures.
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000',
    ...(stack.workflowBundle ? { AEROSTIC_WORKFLOW_BUNDLE: stack.workflowBundle } : {}),
  };
  // Generates the data dir's secrets, which the API and worker processes then read.
  const config = loadConfig(baseEnv);
  const meta = await startMetaSimulator({ appId: config.meta.appId, appSecret: config.meta.appSecret, graphVersion: config.meta.graphVersion });
  const gemini = o.gemini ? await startGeminiSimulator({ apiKey: config.gemini.apiKey }) : undefined;
  const razorpay = await startRazorpaySimulator({ keyId: config.razorpay.keyId, keySecret: config.razorpay.keySecret, webhookSecret: config.razorpay.webhookSecret });
  teardown.add('simulators', async () => {
    await Promise.all([meta.stop(), gemini?.stop(), razorpay.stop()]);
  });
  const db = createDatabase(stack.databaseUrl, { poolMax: 2 });
  teardown.add('bench database pool', () => db.destroy());

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    PORT: String(apiPort),
    PUBLIC_URL: apiUrl,
    META_GRAPH_URL: meta.url,
    META_OAUTH_DIALOG_URL: meta.dialogUrl,
    RAZORPAY_BASE_URL: razorpay.url,
    ...(gemini ? { GEMINI_BASE_URL: gemini.url } : {}),
  };
  meta.setWebhookUrl(`${apiUrl}/webhooks/meta`);
  razorpay.setWebhookUrl(`${apiUrl}/webhooks/razorpay`);

  const spawn = (name: 'api' | 'worker', onExit: (how: string, proc: AppProcess) => void): AppProcess => {
    const proc = spawnAppProcess(o.root, name, appEnv, join(o.dataDir, `${name}.log`), o.profileDir);
    if (proc.pid) lock.record({ name, pid: proc.pid, marker: join(o.root, name, 'main.ts') });
    teardown.add(
      name,
      () => proc.stop(),
      () => proc.kill(),
    );
    void proc.exited.then((how) => onExit(how, proc));
    return proc;
  };
  return { config, db, meta, gemini, apiUrl, spawn };
}
