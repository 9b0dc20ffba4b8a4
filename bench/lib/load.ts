import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One request of a phase: `prepare(i)` builds it (not timed: building and signing a body is the
 * sender's work, not the app's), `send` performs it and rejects on failure. `i` is unique in the phase.
 */
export interface Task<T> {
  prepare(i: number): T;
  send(item: T): Promise<void>;
}

export interface LoadResult {
  ok: number;
  errors: number;
  /** Up to five distinct error messages, for the report. */
  errorSamples: string[];
  /** Latency of each successful request, ms. */
  latencies: number[];
  /** From the first request sent to the last answer received. */
  elapsedMs: number;
  /** Successful requests per second over elapsedMs. */
  rate: number;
}

class Recorder {
  ok = 0;
  errors = 0;
  readonly errorSamples: string[] = [];
  readonly latencies: number[] = [];

  success(ms: number): void {
    this.ok++;
    this.latencies.push(ms);
  }

  failure(error: unknown): void {
    this.errors++;
    const message = error instanceof Error ? error.message : String(error);
    if (this.errorSamples.length < 5 && !this.errorSamples.includes(message)) this.errorSamples.push(message);
  }

  result(elapsedMs: number): LoadResult {
    return { ok: this.ok, errors: this.errors, errorSamples: this.errorSamples, latencies: this.latencies, elapsedMs, rate: elapsedMs > 0 ? (this.ok * 1000) / elapsedMs : 0 };
  }
}

/**
 * Closed loop at maximum throughput: `concurrency` callers, each sending its next request as soon as the
 * previous one is answered. Stops at `maxCount` requests or once `maxMs` has passed (requests in flight
 * then finish), or when `signal` aborts.
 */
export async function closedLoop<T>(opts: { concurrency: number; maxCount: number; maxMs: number; signal: AbortSignal; task: Task<T> }): Promise<LoadResult> {
  const recorder = new Recorder();
  const started = performance.now();
  const deadline = started + opts.maxMs;
  let next = 0;
  const caller = async () => {
    while (next < opts.maxCount && performance.now() < deadline && !opts.signal.aborted) {
      const i = next++;
      let item: T;
      try {
        item = opts.task.prepare(i);
      } catch (error) {
        recorder.failure(error);
        continue;
      }
      const t0 = performance.now();
      try {
        await opts.task.send(item);
        recorder.success(performance.now() - t0);
      } catch (error) {
        recorder.failure(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.maxCount) }, caller));
  return recorder.result(performance.now() - started);
}

export interface OpenLoopResult extends LoadResult {
  /** Requests the schedule called for. */
  scheduled: number;
  /** Latest a request left after its scheduled time (the sender fell behind, or hit maxInFlight), ms. */
  maxSendLagMs: number;
}

/**
 * Open loop: request i is due at start + i/rate, whatever happened to the earlier ones, and its latency
 * counts from that due time (so a stall is not hidden by sending less: no coordinated omission).
 * `durationMs·rate` requests in all; at most `maxInFlight` at once (past that the sender waits).
 */
export async function openLoop<T>(opts: { ratePerSecond: number; durationMs: number; maxInFlight: number; signal: AbortSignal; task: Task<T> }): Promise<OpenLoopResult> {
  const recorder = new Recorder();
  const total = Math.max(1, Math.floor((opts.durationMs / 1000) * opts.ratePerSecond));
  const interval = 1000 / opts.ratePerSecond;
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  // Hard stop for the sender if the app stalls: twice the planned time plus half a minute.
  const giveUpAt = started + 2 * opts.durationMs + 30_000;
  let maxSendLagMs = 0;
  for (let i = 0; i < total && !opts.signal.aborted; i++) {
    if (performance.now() > giveUpAt) {
      for (let j = i; j < total; j++) recorder.failure(new Error('not sent: the sender fell too far behind schedule'));
      break;
    }
    const due = started + i * interval;
    let item: T;
    try {
      item = opts.task.prepare(i);
    } catch (error) {
      recorder.failure(error);
      continue;
    }
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight.size >= opts.maxInFlight && !opts.signal.aborted) await Promise.race(inFlight);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    const request = opts.task.send(item).then(
      () => recorder.success(performance.now() - due),
      (error: unknown) => recorder.failure(error),
    );
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  return { ...recorder.result(performance.now() - started), scheduled: total, maxSendLagMs };
}
