/**
 * Webhook ingest vs the raw signalWithStart rate of the same Temporal server (DESIGN §7):
 *
 *   phase 1  `client.workflow.signalWithStart` straight at Temporal: the API's exact request (workflow
 *            type, task queue, search attributes, encrypted payloads of a real inbound message), one new
 *            conversation per call, closed loop at --concurrency;
 *   phase 2  signed, real-format Meta webhooks (one message each, a new customer each) POSTed over HTTP
 *            to /webhooks/meta of the real API process, same concurrency: rate and ack latency;
 *            phases 1 and 2 alternate in --rounds slices, so background load falls on both alike;
 *   phase 3  the same webhooks, paced open-loop at half the phase-2 rate: ack latency; first, as a
 *            reference ("3r"), phase 1's raw signalWithStart paced at that same rate: Temporal's own
 *            latency at that load, the floor under the webhook's.
 *
 * Everything runs on an isolated stack in .data/bench (embedded Postgres and a Temporal dev server on a
 * WAL SQLite file, free loopback ports), the API and the worker as separate processes as `npm start`
 * runs them. Each mode runs all the phases: worker on first (the worker records messages while the load
 * runs; it falls behind and stays busy throughout), then worker off (nothing polls the queue: the
 * hand-off alone, which is what the DESIGN target is about). It prints figures, never a verdict.
 *
 *   node --import tsx bench/webhook-ingest.ts [--concurrency 32] [--seconds 12] [--worker both] … (--help)
 */
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { createDatabase, type Database } from '../db/connection';
import { taskQueue } from '../domain/contracts';
import { startMetaSimulator } from '../sandbox/meta';
import { startRazorpaySimulator } from '../sandbox/razorpay';
import { freePort } from '../scripts/stack/free-port';
import { errorMessage } from '../scripts/stack/log';
import { onShutdownSignal } from '../scripts/stack/signals';
import { type StackLock, acquireStackLock } from '../scripts/stack/stack-lock';
import { Teardown } from '../scripts/stack/teardown';
import { registerTenant } from '../test/factories';
import type { TestApp } from '../test/harness';
import { connectTestNumber } from '../test/whatsapp-factories';
import { type AppProcess, logTail, spawnAppProcess, waitForHealthy, waitForPoller } from './lib/app-process';
import { inboundBuilder, webhookPoster } from './lib/inbound';
import { type BenchOptions, HELP, parseOptions } from './lib/options';
import { rawSignaller } from './lib/raw-signal';
import { formatMode, formatSummary, jsonFigures, type MachineFacts, type ModeFigures } from './lib/report';
import { startBenchStack, wipeDataDir, type BenchStack } from './lib/stack';
import { runMode, type Context } from './lib/run-mode';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'bench');
/** Nothing here may run longer than this, whatever the flags and whatever the app does. */
const WATCHDOG_MS = 30 * 60_000;

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/** Workers the bench is stopping itself (their exit is not a failure). */
const stoppingWorker = new Set<AppProcess>();

async function machineFacts(stack: BenchStack, db: Database): Promise<MachineFacts> {
  const cpuList = cpus();
  let postgres = 'unknown';
  try {
    const result = await db.system.raw('show server_version');
    postgres = String(result.rows?.[0]?.server_version ?? 'unknown');
  } catch {
    // Reported as unknown.
  }
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    temporalCli: stack.temporalVersion,
    postgres,
    loadAverageAtStart: loadavg(),
  };
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseOptions(process.argv.slice(2), process.env);
    if (parsed === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`);
    return 2;
  }

  const abort = new AbortController();
  const { signal } = abort;
  const teardown = new Teardown();
  let lock: StackLock | undefined;
  let tearingDown = false;
  onShutdownSignal((name) => {
    say(`${name} received, stopping…`);
    abort.abort(new Error(`interrupted (${name})`));
  });
  const watchdog = setTimeout(() => abort.abort(new Error(`the bench ran longer than ${WATCHDOG_MS / 60_000} minutes`)), WATCHDOG_MS);
  watchdog.unref();

  try {
    const started = Date.now();
    lock = await acquireStackLock(dataDir);
    wipeDataDir(dataDir);
    say(`options: ${JSON.stringify(options)}`);
    say(`machine: ${cpus().length} cores, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${Math.round(freemem() / 2 ** 20)} MiB free`);
    const stack = await startBenchStack(root, dataDir, teardown, lock, signal, { bundle: options.modes.includes('on') });

    const queuePrefix = 'bench';
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: stack.namespace,
      TEMPORAL_TASK_QUEUE_PREFIX: queuePrefix,
      AEROSTIC_DATA_DIR: dataDir,
      AEROSTIC_SANDBOX: '1',
      HOST: '127.0.0.1',
      LOG_LEVEL: options.logLevel,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      OTP_RATE_LIMIT_PER_HOUR: '1000',
      ...(stack.workflowBundle ? { AEROSTIC_WORKFLOW_BUNDLE: stack.workflowBundle } : {}),
    };
    // Generates the data dir's secrets, which the API and worker processes then read.
    const config = loadConfig(baseEnv);
    const meta = await startMetaSimulator({ appId: config.meta.appId, appSecret: config.meta.appSecret, graphVersion: config.meta.graphVersion });
    const razorpay = await startRazorpaySimulator({ keyId: config.razorpay.keyId, keySecret: config.razorpay.keySecret, webhookSecret: config.razorpay.webhookSecret });
    teardown.add('simulators', async () => {
      await Promise.all([meta.stop(), razorpay.stop()]);
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
    };
    meta.setWebhookUrl(`${apiUrl}/webhooks/meta`);
    razorpay.setWebhookUrl(`${apiUrl}/webhooks/razorpay`);
    const profileDir = options.cpuProf ? join(dataDir, 'profiles') : undefined;
    const api = spawnAppProcess(root, 'api', appEnv, join(dataDir, 'api.log'), profileDir);
    if (api.pid) lock.record({ name: 'api', pid: api.pid, marker: join(root, 'api', 'main.ts') });
    teardown.add('api', () => api.stop(), () => api.kill());
    void api.exited.then((how) => {
      if (!tearingDown && !signal.aborted) abort.abort(new Error(`${how} during the bench:\n${logTail(api.logFile)}`));
    });
    await waitForHealthy(`${apiUrl}/healthz`, api, 120_000, signal);
    say(`API up at ${apiUrl} (log: ${api.logFile})`);

    const tenant = await registerTenant(apiUrl);
    const tenantId = tenant.tenant.id;
    // connectTestNumber needs only these three of a TestApp.
    const account = await connectTestNumber({ meta, config, db } as TestApp, tenantId);
    say(`tenant ${tenantId} registered; number ${account.phoneNumberId} connected`);

    const raw = await rawSignaller(config, tenantId, account.phoneNumberId);
    teardown.add('bench Temporal client', () => raw.close());
    const poster = webhookPoster(apiUrl, Math.max(options.concurrency, options.maxInFlight), options.requestTimeoutMs);
    teardown.add('bench HTTP client', async () => poster.close());
    const machine = await machineFacts(stack, db);
    say(`stack and app ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ctx: Context = { options, signal, config, db, stack, apiUrl, api, tenantId, account, raw, build: inboundBuilder(account, config.meta.appSecret), poster, acknowledged: 0 };
    const results: ModeFigures[] = [];
    for (const mode of options.modes) {
      let worker: AppProcess | undefined;
      if (mode === 'on') {
        const startedWorker = Date.now();
        worker = spawnAppProcess(root, 'worker', appEnv, join(dataDir, 'worker.log'), profileDir);
        const w = worker;
        if (w.pid) lock.record({ name: 'worker', pid: w.pid, marker: join(root, 'worker', 'main.ts') });
        teardown.add('worker', () => w.stop(), () => w.kill());
        void w.exited.then((how) => {
          if (!tearingDown && !signal.aborted && !stoppingWorker.has(w)) abort.abort(new Error(`${how} during the bench:\n${logTail(w.logFile)}`));
        });
        await waitForPoller(raw.client, taskQueue('conversations', queuePrefix), w, 180_000, signal);
        say(`worker polling after ${((Date.now() - startedWorker) / 1000).toFixed(1)} s (log: ${w.logFile})`);
      }
      results.push(await runMode(ctx, mode, worker));
      if (worker) {
        stoppingWorker.add(worker);
        await worker.stop();
        say('worker stopped');
      }
    }
    machine.loadAverageAtEnd = loadavg();

    for (const m of results) process.stdout.write(`${formatMode(m, options.concurrency)}\n`);
    process.stdout.write(`${formatSummary(results, machine)}\n`);
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; tearing the stack down`);
    tearingDown = true;
    await teardown.run();
    lock.release();
    if (profileDir) say(`CPU profiles in ${profileDir} (node --import tsx bench/lib/cpu-profile.ts ${profileDir}/*/*.cpuprofile)`);
    process.stdout.write(`${jsonFigures(results, machine, options)}\n`);
    return 0;
  } catch (error) {
    const reason = signal.aborted ? errorMessage(signal.reason) : errorMessage(error);
    process.stderr.write(`[bench] stopped: ${reason}\n`);
    tearingDown = true;
    await teardown.run();
    lock?.release();
    return signal.aborted && /interrupted/.test(reason) ? 130 : 1;
  } finally {
    clearTimeout(watchdog);
  }
}

void main().then((code) => process.exit(code));
