/** Flags of bench/inbox.ts, each with a BENCH_* environment fallback (bench/lib/flags.ts). */
import { readFlags } from './flags';

export interface InboxOptions {
  /** Distinct customers of the paced phase (each one a new conversation actor). */
  customers: number;
  /** Paced phase: new customers per second (open loop: a slow reply does not slow the sender). */
  rate: number;
  /** Customers of the burst phase, all sent at once after the paced phase (0: no burst). */
  burst: number;
  /** Unmeasured customers first, one after another (JIT, caches, connections). */
  warmup: number;
  /** How long to wait after a phase's last webhook for every reply and event. */
  settleSeconds: number;
  /** LOG_LEVEL of the API and worker processes (production's default is info). */
  logLevel: string;
  /** Run the API and worker with `node --cpu-prof` (profiles in .data/bench-inbox/profiles). */
  cpuProf: boolean;
  /** Temporal dev server dynamic config (`--dynamic-config-value`), none by default (as `npm start`). */
  temporalConfig: Record<string, string>;
}

export const INBOX_HELP = `bench/inbox.ts — inbound → AI reply handed to Meta, and inbound → socket.io event (DESIGN §7),
on an isolated stack in .data/bench-inbox (embedded Postgres, Temporal dev server, API and worker processes,
Meta and Gemini simulators in the bench process)

  --customers N      customers of the paced phase, one new conversation each (BENCH_CUSTOMERS, default 200)
  --rate R           paced phase: customers per second (BENCH_RATE, default 4)
  --burst N          then N customers all at once (BENCH_BURST, default 50; 0: none)
  --warmup N         unmeasured customers first, one at a time (BENCH_WARMUP, default 5)
  --settle S         wait up to S s after a phase's last webhook for the replies (BENCH_SETTLE, default 60)
  --log-level L      API and worker LOG_LEVEL (BENCH_LOG_LEVEL, default info, as in production)
  --temporal-config K=V[,K=V]  Temporal dev server dynamic config (BENCH_TEMPORAL_CONFIG, default none, as npm start);
                     e.g. history.transferProcessorMaxPollRPS=10000,system.enableActivityEagerExecution=true
  --cpu-prof         V8 CPU profiles of the API and worker into .data/bench-inbox/profiles (BENCH_CPU_PROF=1);
                     summarise with \`node --import tsx bench/lib/cpu-profile.ts FILE…\`
`;

const KNOWN = ['customers', 'rate', 'burst', 'warmup', 'settle', 'log-level', 'cpu-prof', 'temporal-config'];

export function parseInboxOptions(argv: string[], env: NodeJS.ProcessEnv): InboxOptions | 'help' {
  const flags = readFlags(argv, env, { help: INBOX_HELP, known: KNOWN, switches: ['cpu-prof'] });
  if (flags === 'help') return 'help';
  const { raw, num, on } = flags;
  return {
    customers: Math.floor(num('customers', 'BENCH_CUSTOMERS', 200, 1, 100_000)),
    rate: num('rate', 'BENCH_RATE', 4, 0.1, 1000),
    burst: Math.floor(num('burst', 'BENCH_BURST', 50, 0, 10_000)),
    warmup: Math.floor(num('warmup', 'BENCH_WARMUP', 5, 0, 1000)),
    settleSeconds: num('settle', 'BENCH_SETTLE', 60, 1, 3600),
    logLevel: raw('log-level', 'BENCH_LOG_LEVEL') ?? 'info',
    cpuProf: on('cpu-prof', 'BENCH_CPU_PROF'),
    temporalConfig: parseDynamicConfig(raw('temporal-config', 'BENCH_TEMPORAL_CONFIG') ?? ''),
  };
}

function parseDynamicConfig(text: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--temporal-config takes KEY=VALUE pairs separated by commas, got ${pair}`);
    config[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return config;
}
