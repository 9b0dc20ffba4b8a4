/**
 * Flags (`--name value` or `--name=value`) with a BENCH_* environment fallback, so the same knobs work
 * through `npm run bench:webhook-ingest -- --seconds 20` and `BENCH_SECONDS=20 npm run …`.
 */
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

function readArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n\n${HELP}`);
    const eq = arg.indexOf('=');
    if (eq > 0) args.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (arg === '--help' || arg === '-h') args.set('help', '1');
    else if (arg === '--cpu-prof') args.set('cpu-prof', '1');
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value\n\n${HELP}`);
      args.set(arg.slice(2), value);
      i++;
    }
  }
  return args;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const args = readArgs(argv);
  if (args.has('help')) return 'help';
  const known = new Set(['concurrency', 'seconds', 'rounds', 'max-count', 'half-seconds', 'max-in-flight', 'warmup', 'worker', 'drain-timeout', 'log-level', 'request-timeout', 'cpu-prof']);
  for (const name of args.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}\n\n${HELP}`);
  const raw = (flag: string, envName: string): string | undefined => args.get(flag) ?? env[envName];
  const num = (flag: string, envName: string, fallback: number, min: number, max: number): number => {
    const given = raw(flag, envName);
    if (given === undefined || given === '') return fallback;
    const value = Number(given);
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${flag} (${envName}) must be a number from ${min} to ${max}, got ${given}`);
    return value;
  };
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
    cpuProf: ['1', 'true'].includes(raw('cpu-prof', 'BENCH_CPU_PROF') ?? ''),
  };
}

export { HELP };
