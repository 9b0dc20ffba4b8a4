/** Flags of bench/webhook-ingest.ts, each with a BENCH_* environment fallback (bench/lib/flags.ts). */
import { readFlags } from './flags';

export type WorkerMode = 'off' | 'on';

export interface BenchOptions {
  /** In-flight requests of the closed-loop phases (1 and 2). */
  concurrency: number;
  /** Total length of each full-load phase (1 and 2), split over `rounds`; a slice also stops at maxCount. */
  seconds: number;
  /**
   * Phases 1 and 2 alternate in this many slices (raw, ingest, raw, ingest…), so a change in the
   * machine's background load hits both alike and the ratio stays fair.
   */
  rounds: number;
  maxCount: number;
  /** Length of the paced half-load phase (3). */
  halfSeconds: number;
  /** Open-loop cap on requests in flight; past it the sender waits (and the wait counts as latency). */
  maxInFlight: number;
  /** Unmeasured requests of each kind before phase 1 (connections, JIT, caches). */
  warmup: number;
  /** Which worker modes to run, in order. */
  modes: WorkerMode[];
  /**
   * With the worker on: 0 (default) runs the slices back to back while the worker works through its
   * backlog throughout; more waits up to that long after each slice for the worker to record everything.
   */
  drainTimeoutSeconds: number;
  /** LOG_LEVEL of the API and worker processes (production's default is info: one line per request). */
  logLevel: string;
  /** Per-request timeout of the load generator. */
  requestTimeoutMs: number;
  /** Run the API and worker with `node --cpu-prof`, profiles kept in .data/bench/profiles. */
  cpuProf: boolean;
}

const HELP = `bench/webhook-ingest.ts — webhook ingest vs raw signalWithStart on an isolated stack (.data/bench)

  --concurrency N     requests in flight in phases 1 and 2 (BENCH_CONCURRENCY, default 32)
  --seconds S         length of phases 1 and 2, each (BENCH_SECONDS, default 12)
  --rounds N          phases 1 and 2 alternate in N slices of S/N seconds (BENCH_ROUNDS, default 3)
  --max-count N       cap on requests per slice (BENCH_MAX_COUNT, default 20000)
  --half-seconds S    length of phases 3r and 3, paced at half the phase-2 rate (BENCH_HALF_SECONDS, default 12)
  --max-in-flight N   cap on requests in flight in phases 3r and 3 (BENCH_MAX_IN_FLIGHT, default 512)
  --warmup N          unmeasured requests of each kind first (BENCH_WARMUP, default 100)
  --worker MODE       off | on | both (BENCH_WORKER, default both: on first, then off)
  --drain-timeout S   with the worker on, wait up to S s after each slice for it to record the backlog
                      (BENCH_DRAIN_TIMEOUT, default 0: no waiting, the worker stays busy throughout)
  --log-level L       API and worker LOG_LEVEL (BENCH_LOG_LEVEL, default info, as in production)
  --request-timeout MS  per request (BENCH_REQUEST_TIMEOUT, default 30000)
  --cpu-prof          V8 CPU profiles of the API and worker into .data/bench/profiles/{api,worker} (BENCH_CPU_PROF=1);
                      open them in Chrome DevTools (Performance) or with \`node --import tsx bench/lib/cpu-profile.ts\`
`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const known = ['concurrency', 'seconds', 'rounds', 'max-count', 'half-seconds', 'max-in-flight', 'warmup', 'worker', 'drain-timeout', 'log-level', 'request-timeout', 'cpu-prof'];
  const flags = readFlags(argv, env, { help: HELP, known, switches: ['cpu-prof'] });
  if (flags === 'help') return 'help';
  const { raw, num, on } = flags;
  const worker = (raw('worker', 'BENCH_WORKER') ?? 'both').toLowerCase();
  if (!['off', 'on', 'both'].includes(worker)) throw new Error(`--worker must be off, on or both, got ${worker}`);
  return {
    concurrency: Math.floor(num('concurrency', 'BENCH_CONCURRENCY', 32, 1, 1024)),
    seconds: num('seconds', 'BENCH_SECONDS', 12, 1, 600),
    rounds: Math.floor(num('rounds', 'BENCH_ROUNDS', 3, 1, 50)),
    maxCount: Math.floor(num('max-count', 'BENCH_MAX_COUNT', 20_000, 1, 999_999)),
    halfSeconds: num('half-seconds', 'BENCH_HALF_SECONDS', 12, 1, 600),
    maxInFlight: Math.floor(num('max-in-flight', 'BENCH_MAX_IN_FLIGHT', 512, 1, 10_000)),
    warmup: Math.floor(num('warmup', 'BENCH_WARMUP', 100, 0, 100_000)),
    modes: worker === 'both' ? ['on', 'off'] : [worker as WorkerMode],
    drainTimeoutSeconds: num('drain-timeout', 'BENCH_DRAIN_TIMEOUT', 0, 0, 3600),
    logLevel: raw('log-level', 'BENCH_LOG_LEVEL') ?? 'info',
    requestTimeoutMs: Math.floor(num('request-timeout', 'BENCH_REQUEST_TIMEOUT', 30_000, 100, 600_000)),
    cpuProf: on('cpu-prof', 'BENCH_CPU_PROF'),
  };
}

export { HELP };
