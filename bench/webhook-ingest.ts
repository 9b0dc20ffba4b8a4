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
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, type AppConfig } from '../config';
import { createDatabase, type Database } from '../db/connection';
import { withTenant } from '../db/tenant-transaction';
import { taskQueue } from '../domain/contracts';
import { startMetaSimulator } from '../sandbox/meta';
import type { SimAccount } from '../sandbox/meta/types';
import { startRazorpaySimulator } from '../sandbox/razorpay';
import { freePort } from '../scripts/stack/free-port';
import { errorMessage } from '../scripts/stack/log';
import { onShutdownSignal } from '../scripts/stack/signals';
import { type StackLock, acquireStackLock } from '../scripts/stack/stack-lock';
import { Teardown } from '../scripts/stack/teardown';
import { registerTenant } from '../test/factories';
import type { TestApp } from '../test/harness';
import { connectTestNumber } from '../test/whatsapp-factories';
import { apiBetween, scrapeApi } from './lib/api-metrics';
import { type AppProcess, logTail, spawnAppProcess, waitForHealthy, waitForPoller } from './lib/app-process';
import { cpuBetween, cpuSnapshot } from './lib/cpu';
import { customerWaId, inboundBuilder, type SignedWebhook, webhookPoster } from './lib/inbound';
import { closedLoop, openLoop, type LoadResult, type Task } from './lib/load';
import { type BenchOptions, HELP, parseOptions, type WorkerMode } from './lib/options';
import { conversationWorkflowId, historyPayloadBytes, inboundMessageOf, rawSignaller } from './lib/raw-signal';
import { combineSlices, type Slice } from './lib/combine';
import { type DrainFigures, formatMode, formatSummary, jsonFigures, type MachineFacts, type ModeFigures } from './lib/report';
import { startBenchStack, wipeDataDir, type BenchStack } from './lib/stack';
import { summarize } from './lib/stats';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'bench');
/** With the worker on, how long to watch it work through its backlog with no load, after phase 3. */
const WORKER_ALONE_MS = 6000;
/** Nothing here may run longer than this, whatever the flags and whatever the app does. */
const WATCHDOG_MS = 30 * 60_000;

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/** Customer-number digits: one per mode, one per phase, so no two requests of a run share a conversation. */
const MODE_DIGIT: Record<WorkerMode, number> = { on: 1, off: 2 };
const PHASE_DIGIT = { warmRaw: 0, warmIngest: 1, raw: 2, ingest: 3, half: 4, halfRaw: 5 } as const;
/** Workers the bench is stopping itself (their exit is not a failure). */
const stoppingWorker = new Set<AppProcess>();

interface Context {
  options: BenchOptions;
  signal: AbortSignal;
  config: AppConfig;
  db: Database;
  stack: BenchStack;
  apiUrl: string;
  api: AppProcess;
  tenantId: string;
  account: SimAccount;
  raw: Awaited<ReturnType<typeof rawSignaller>>;
  build: (waId: string) => SignedWebhook;
  poster: ReturnType<typeof webhookPoster>;
  /** Messages acknowledged so far in the run (what the worker must eventually record). */
  acknowledged: number;
}

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

function rawTask(ctx: Context, mode: WorkerMode, phase: number): Task<ReturnType<typeof inboundMessageOf>> {
  return { prepare: (i) => inboundMessageOf(ctx.build(customerWaId(MODE_DIGIT[mode], phase, i))), send: (message) => ctx.raw.signal(message) };
}

function ingestTask(ctx: Context, mode: WorkerMode, phase: number): Task<SignedWebhook> {
  return { prepare: (i) => ctx.build(customerWaId(MODE_DIGIT[mode], phase, i)), send: (webhook) => ctx.poster.post(webhook) };
}

async function inboundRecorded(ctx: Context): Promise<number> {
  const row = await withTenant(ctx.db.app, ctx.tenantId, (trx) => trx('messages').where({ direction: 'inbound' }).count<{ n: string }[]>({ n: '*' }).first());
  return Number(row?.n ?? 0);
}

/** With the worker on, wait (bounded) until it has recorded every acknowledged message, so phases start even. */
async function drain(ctx: Context): Promise<DrainFigures> {
  const started = performance.now();
  const deadline = started + ctx.options.drainTimeoutSeconds * 1000;
  let recorded = await inboundRecorded(ctx);
  while (recorded < ctx.acknowledged && performance.now() < deadline && !ctx.signal.aborted) {
    await sleep(200);
    recorded = await inboundRecorded(ctx);
  }
  return { seconds: (performance.now() - started) / 1000, caughtUp: recorded >= ctx.acknowledged, pending: Math.max(0, ctx.acknowledged - recorded) };
}

function pids(ctx: Context, worker: AppProcess | undefined) {
  return { temporal: ctx.stack.temporalPid, postgres: ctx.stack.postgresPid, api: ctx.api.pid, worker: worker?.pid };
}

/** Runs one slice of load between CPU (and, for HTTP, API-metrics) readings; with the worker on, then waits for it. */
async function measure(
  ctx: Context,
  worker: AppProcess | undefined,
  label: string,
  opts: { scrape: boolean; drain: boolean },
  run: () => Promise<LoadResult & { maxSendLagMs?: number }>,
): Promise<Slice> {
  const scrape = opts.scrape;
  const apiBefore = scrape ? await scrapeApi(ctx.apiUrl) : undefined;
  const before = cpuSnapshot(pids(ctx, worker));
  const result = await run();
  const after = cpuSnapshot(pids(ctx, worker));
  const apiAfter = scrape ? await scrapeApi(ctx.apiUrl) : undefined;
  ctx.signal.throwIfAborted();
  ctx.acknowledged += result.ok;
  const latency = summarize(result.latencies);
  say(`${label}: ${result.ok} ok, ${result.errors} errors in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.rate.toFixed(1)}/s, p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
  const slice: Slice = { result, cpu: cpuBetween(before, after), api: apiBetween(apiBefore, apiAfter) };
  if (worker && opts.drain && ctx.options.drainTimeoutSeconds > 0) {
    slice.drain = await drain(ctx);
    ctx.signal.throwIfAborted();
    say(`  worker ${slice.drain.caughtUp ? `caught up ${slice.drain.seconds.toFixed(1)} s later` : `still ${slice.drain.pending} behind after ${slice.drain.seconds.toFixed(1)} s`}`);
  }
  return slice;
}

/** Slice r of a phase numbers its customers from r·1,000,000, so every request of the run is a new conversation. */
const SLICE_STRIDE = 1_000_000;

function offsetTask<T>(task: Task<T>, offset: number): Task<T> {
  return { prepare: (i) => task.prepare(offset + i), send: (item) => task.send(item) };
}

async function runMode(ctx: Context, mode: WorkerMode, worker: AppProcess | undefined): Promise<ModeFigures> {
  const { options, signal } = ctx;
  const c = options.concurrency;
  say(`mode: worker ${mode}; warming up (${options.warmup} raw + ${options.warmup} webhooks, not measured)`);
  const modeStarted = performance.now();
  const recordedAtStart = worker ? await inboundRecorded(ctx) : 0;
  const acknowledgedAtStart = ctx.acknowledged;
  if (options.warmup > 0) {
    const warm = [
      await closedLoop({ concurrency: c, maxCount: options.warmup, maxMs: 60_000, signal, task: rawTask(ctx, mode, PHASE_DIGIT.warmRaw) }),
      await closedLoop({ concurrency: c, maxCount: options.warmup, maxMs: 60_000, signal, task: ingestTask(ctx, mode, PHASE_DIGIT.warmIngest) }),
    ];
    signal.throwIfAborted();
    for (const w of warm) {
      ctx.acknowledged += w.ok;
      if (w.errors) say(`  warm-up errors: ${w.errors} (${w.errorSamples.join(' | ')})`);
    }
    if (worker && options.drainTimeoutSeconds > 0) {
      const d = await drain(ctx);
      say(`  worker ${d.caughtUp ? `caught up with the warm-up in ${d.seconds.toFixed(1)} s` : `still ${d.pending} behind`}`);
    }
  }

  // Phases 1 and 2 alternate slice by slice, so the machine's other load falls on both alike.
  const sliceMs = (options.seconds * 1000) / options.rounds;
  const rawSlices: Slice[] = [];
  const ingestSlices: Slice[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const round = options.rounds > 1 ? ` (round ${r + 1}/${options.rounds})` : '';
    rawSlices.push(
      await measure(ctx, worker, `1 raw signalWithStart${round}`, { scrape: false, drain: true }, () =>
        closedLoop({ concurrency: c, maxCount: options.maxCount, maxMs: sliceMs, signal, task: offsetTask(rawTask(ctx, mode, PHASE_DIGIT.raw), r * SLICE_STRIDE) }),
      ),
    );
    ingestSlices.push(
      await measure(ctx, worker, `2 webhook ingest${round}`, { scrape: true, drain: true }, () =>
        closedLoop({ concurrency: c, maxCount: options.maxCount, maxMs: sliceMs, signal, task: offsetTask(ingestTask(ctx, mode, PHASE_DIGIT.ingest), r * SLICE_STRIDE) }),
      ),
    );
  }
  const raw = combineSlices(`1 raw signalWithStart, C=${c}`, rawSlices);
  const ingest = combineSlices(`2 webhook ingest over HTTP, C=${c}`, ingestSlices);

  const targetRate = Math.max(1, ingest.rate / 2);
  const paced = `paced at ${targetRate.toFixed(1)}/s`;
  const halfRawSlice = await measure(ctx, worker, `3r raw signalWithStart ${paced}`, { scrape: false, drain: true }, () =>
    openLoop({ ratePerSecond: targetRate, durationMs: options.halfSeconds * 1000, maxInFlight: options.maxInFlight, signal, task: rawTask(ctx, mode, PHASE_DIGIT.halfRaw) }),
  );
  const halfRaw = combineSlices(`3r raw signalWithStart ${paced}`, [halfRawSlice]);
  halfRaw.targetRate = targetRate;
  // No wait after it: nothing in this mode follows, and the worker is stopped next.
  const halfSlice = await measure(ctx, worker, `3 webhook ingest paced at ${targetRate.toFixed(1)}/s`, { scrape: true, drain: false }, () =>
    openLoop({ ratePerSecond: targetRate, durationMs: options.halfSeconds * 1000, maxInFlight: options.maxInFlight, signal, task: ingestTask(ctx, mode, PHASE_DIGIT.half) }),
  );
  const half = combineSlices(`3 webhook ingest paced at ${targetRate.toFixed(1)}/s`, [halfSlice]);
  half.targetRate = targetRate;

  // The first request of phases 1 and 2 as stored in history: the same workflow, payloads of the same size.
  const idOf = (phase: number) => conversationWorkflowId(ctx.config, ctx.tenantId, ctx.account.phoneNumberId, `+${customerWaId(MODE_DIGIT[mode], phase, 0)}`);
  const payloadBytes = {
    raw: raw.ok ? await historyPayloadBytes(ctx.raw.client, idOf(PHASE_DIGIT.raw)) : undefined,
    ingest: ingest.ok ? await historyPayloadBytes(ctx.raw.client, idOf(PHASE_DIGIT.ingest)) : undefined,
  };
  const roundRatios = rawSlices.map((s, i) => (s.result.rate > 0 ? ingestSlices[i].result.rate / s.result.rate : Number.NaN));
  let workerFigures: ModeFigures['worker'];
  if (worker) {
    const recorded = (await inboundRecorded(ctx)) - recordedAtStart;
    const seconds = (performance.now() - modeStarted) / 1000;
    workerFigures = { seconds, recorded, acknowledged: ctx.acknowledged - acknowledgedAtStart, recordedPerSecond: recorded / seconds };
    say(`worker recorded ${recorded} of the ${workerFigures.acknowledged} messages acknowledged in this mode in ${seconds.toFixed(1)} s (${workerFigures.recordedPerSecond.toFixed(1)}/s)`);
    if (recorded < workerFigures.acknowledged) {
      // What the worker manages with no ingest competing: the end-to-end rate a long burst settles at.
      const before = recordedAtStart + recorded;
      const t0 = performance.now();
      await sleep(WORKER_ALONE_MS, undefined, { signal });
      const alone = (await inboundRecorded(ctx)) - before;
      const aloneSeconds = (performance.now() - t0) / 1000;
      workerFigures.alone = { seconds: aloneSeconds, recorded: alone, perSecond: alone / aloneSeconds, backlog: workerFigures.acknowledged - recorded };
      say(`worker alone: ${alone} recorded in ${aloneSeconds.toFixed(1)} s (${workerFigures.alone.perSecond.toFixed(1)}/s)`);
    }
  }
  return { mode, raw, ingest, halfRaw, half, ratio: raw.rate > 0 ? ingest.rate / raw.rate : Number.NaN, roundRatios, payloadBytes, worker: workerFigures };
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
