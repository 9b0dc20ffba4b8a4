/** The phases of bench/inbox.ts: warm-up (one customer at a time), paced (open loop), burst (all at once). */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MetaSimulator } from '../../sandbox/meta';
import { cpuBetween, cpuSnapshot, type CpuUse } from './cpu';
import type { InboxOptions } from './inbox-options';
import type { CustomerResult, InboxProbe } from './inbox-probe';
import { QUESTION } from './inbox-tenant';

export interface PhaseContext {
  options: InboxOptions;
  probe: InboxProbe;
  meta: MetaSimulator;
  signal: AbortSignal;
  /** Root pids whose CPU is reported (api, worker, temporal, postgres). */
  components: Record<string, number | undefined>;
  /** Said when a warm-up customer gets no reply: what the logs show. */
  diagnose(): string;
}

export interface PhaseRun {
  results: CustomerResult[];
  /** From the first webhook to the last reply or event. */
  seconds: number;
  cpu: CpuUse;
}

/** 91 + phase digit + 9-digit index: a distinct customer (and conversation) for every message of the run. */
export const benchWaId = (phase: number, index: number) => `91${phase}${String(index).padStart(9, '0')}`;
const PHASE = { warmup: 1, paced: 2, burst: 3 } as const;

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/** Customers one after another, each waiting for its reply: the first pays for JIT, pools and caches. */
export async function warmUp(ctx: PhaseContext): Promise<void> {
  for (let i = 0; i < ctx.options.warmup; i++) {
    const result = await ctx.probe.send(benchWaId(PHASE.warmup, i), QUESTION);
    if (result.sendError) throw new Error(`warm-up webhook failed: ${result.sendError}\n${ctx.diagnose()}`);
    await ctx.probe.settle([result], 60_000, ctx.signal);
    if (result.replyAt === undefined) throw new Error(`warm-up customer ${i + 1} got no AI reply within 60 s\n${ctx.diagnose()}`);
    say(
      `warm-up ${i + 1}/${ctx.options.warmup}: reply after ${result.replyAt - result.postAt!} ms, event ${result.eventAt === undefined ? 'missing' : `after ${result.eventAt - result.postAt!} ms`}: ${JSON.stringify(result.replyText)}`,
    );
  }
}

async function measured(ctx: PhaseContext, fire: () => Promise<CustomerResult[]>): Promise<PhaseRun> {
  // Earlier customers' status webhooks (sent, delivered, read) finish before the phase starts.
  await ctx.meta.idle();
  await sleep(2000, undefined, { signal: ctx.signal });
  const before = cpuSnapshot(ctx.components);
  const results = await fire();
  await ctx.probe.settle(results, ctx.options.settleSeconds * 1000, ctx.signal);
  const after = cpuSnapshot(ctx.components);
  const starts = results.map((r) => r.postAt ?? r.dueAt);
  const ends = results.flatMap((r) => [r.replyAt ?? 0, r.eventAt ?? 0]);
  return { results, seconds: (Math.max(...ends) - Math.min(...starts)) / 1000, cpu: cpuBetween(before, after) };
}

/** Open loop at `rate` customers a second: a slow reply never delays the next customer. */
export function pacedPhase(ctx: PhaseContext): Promise<PhaseRun> {
  const { customers, rate } = ctx.options;
  say(`paced phase: ${customers} customers at ${rate}/s (about ${Math.ceil(customers / rate)} s)`);
  return measured(ctx, async () => {
    const start = Date.now() + 20;
    const sends: Promise<CustomerResult>[] = [];
    for (let i = 0; i < customers; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal: ctx.signal });
      sends.push(ctx.probe.send(benchWaId(PHASE.paced, i), QUESTION, due));
      if ((i + 1) % 50 === 0) say(`  ${i + 1}/${customers} sent`);
    }
    return Promise.all(sends);
  });
}

/** Every customer of the burst at the same moment. */
export function burstPhase(ctx: PhaseContext): Promise<PhaseRun> {
  say(`burst phase: ${ctx.options.burst} customers at once`);
  return measured(ctx, () => {
    const due = Date.now();
    return Promise.all(Array.from({ length: ctx.options.burst }, (_, i) => ctx.probe.send(benchWaId(PHASE.burst, i), QUESTION, due)));
  });
}
