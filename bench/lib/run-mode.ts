/** One worker mode of the webhook-ingest bench: warm-up, the alternating raw/ingest slices, half load. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { withTenant } from '../../db/tenant-transaction';
import type { SimAccount } from '../../sandbox/meta/types';
import { apiBetween, scrapeApi } from './api-metrics';
import type { AppProcess } from './app-process';
import { cpuBetween, cpuSnapshot } from './cpu';
import { customerWaId, type SignedWebhook, webhookPoster } from './inbound';
import { closedLoop, openLoop, type LoadResult, type Task } from './load';
import type { BenchOptions, WorkerMode } from './options';
import { conversationWorkflowId, historyPayloadBytes, inboundMessageOf, rawSignaller } from './raw-signal';
import { combineSlices, type Slice } from './combine';
import type { DrainFigures, ModeFigures } from './report';
import type { BenchStack } from './stack';
import { summarize } from './stats';

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);
/** With the worker on, how long to watch it work through its backlog with no load, after phase 3. */
const WORKER_ALONE_MS = 6000;

/** Customer-number digits: one per mode, one per phase, so no two requests of a run share a conversation. */
const MODE_DIGIT: Record<WorkerMode, number> = { on: 1, off: 2 };
const PHASE_DIGIT = { warmRaw: 0, warmIngest: 1, raw: 2, ingest: 3, half: 4, halfRaw: 5 } as const;

export interface Context {
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
  say(
    `${label}: ${result.ok} ok, ${result.errors} errors in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.rate.toFixed(1)}/s, p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`,
  );
  const slice: Slice = { result, cpu: cpuBetween(before, after), api: apiBetween(apiBefore, apiAfter) };
  if (worker && opts.drain && ctx.options.drainTimeoutSeconds > 0) {
    slice.drain = await drain(ctx);
    ctx.signal.throwIfAborted();
    say(
      `  worker ${slice.drain.caughtUp ? `caught up ${slice.drain.seconds.toFixed(1)} s later` : `still ${slice.drain.pending} behind after ${slice.drain.seconds.toFixed(1)} s`}`,
    );
  }
  return slice;
}

/** Slice r of a phase numbers its customers from r·1,000,000, so every request of the run is a new conversation. */
const SLICE_STRIDE = 1_000_000;

function offsetTask<T>(task: Task<T>, offset: number): Task<T> {
  return { prepare: (i) => task.prepare(offset + i), send: (item) => task.send(item) };
}

export async function runMode(ctx: Context, mode: WorkerMode, worker: AppProcess | undefined): Promise<ModeFigures> {
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
    say(
      `worker recorded ${recorded} of the ${workerFigures.acknowledged} messages acknowledged in this mode in ${seconds.toFixed(1)} s (${workerFigures.recordedPerSecond.toFixed(1)}/s)`,
    );
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
