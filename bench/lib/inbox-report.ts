/** Figures of bench/inbox.ts: latency per phase beside the DESIGN §7 targets, the time line, CPU. */
import type { CpuUse } from './cpu';
import type { CustomerResult } from './inbox-probe';
import type { TimelineRow } from './inbox-timeline';
import { fmt, round, summarize, type LatencySummary } from './stats';

export const TARGETS = { replyP50: 150, replyP99: 500, eventP99: 250 } as const;

export interface Latency extends LatencySummary {
  p95: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] : Number.NaN;
  return { ...summarize(samples), p95 };
}

export interface PhaseFigures {
  name: string;
  customers: number;
  webhookErrors: number;
  replies: number;
  /** Replies that were not the knowledge-base answer (a handoff sends none; anything else is counted here). */
  unexpectedReplies: number;
  events: number;
  seconds: number;
  maxSendLagMs: number;
  reply: Latency;
  event: Latency;
  ack: Latency;
  cpu?: CpuUse;
}

export function phaseFigures(name: string, results: CustomerResult[], expectedReply: string, seconds: number, cpu?: CpuUse): PhaseFigures {
  const posted = results.filter((r) => r.postAt !== undefined && !r.sendError);
  const replied = posted.filter((r) => r.replyAt !== undefined);
  const evented = posted.filter((r) => r.eventAt !== undefined);
  return {
    name,
    customers: results.length,
    webhookErrors: results.length - posted.length,
    replies: replied.length,
    unexpectedReplies: replied.filter((r) => r.replyText !== expectedReply).length,
    events: evented.length,
    seconds,
    maxSendLagMs: Math.max(0, ...posted.map((r) => r.postAt! - r.dueAt)),
    reply: latency(replied.map((r) => r.replyAt! - r.postAt!)),
    event: latency(evented.map((r) => r.eventAt! - r.postAt!)),
    ack: latency(posted.map((r) => r.ackMs ?? Number.NaN).filter(Number.isFinite)),
    cpu,
  };
}

const verdict = (value: number, target: number) => (!Number.isFinite(value) ? '' : value < target ? 'met' : 'MISSED');

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

export function formatPhase(p: PhaseFigures): string {
  const out = [`\n== ${p.name} ==`];
  out.push(
    `customers ${p.customers} in ${fmt(p.seconds)} s; webhook errors ${p.webhookErrors}; AI replies handed to Meta ${p.replies}` +
      ` (not the expected answer: ${p.unexpectedReplies}); socket.io message.new received ${p.events}; max sender lag ${fmt(p.maxSendLagMs, 0)} ms`,
  );
  const row = (label: string, l: Latency, target: string, met: string) => [label, String(l.count), fmt(l.p50), fmt(l.p95), fmt(l.p99), fmt(l.max), fmt(l.mean), target, met];
  out.push(
    pad([
      ['ms from the webhook POST starting', 'n', 'p50', 'p95', 'p99', 'max', 'mean', 'DESIGN §7 target', ''],
      row(
        '→ AI reply handed to Meta',
        p.reply,
        `p50 < ${TARGETS.replyP50}, p99 < ${TARGETS.replyP99}`,
        `p50 ${verdict(p.reply.p50, TARGETS.replyP50)}, p99 ${verdict(p.reply.p99, TARGETS.replyP99)}`,
      ),
      row('→ socket.io message.new', p.event, `p99 < ${TARGETS.eventP99}`, `p99 ${verdict(p.event.p99, TARGETS.eventP99)}`),
      row('→ webhook acknowledged (200)', p.ack, '–', ''),
    ]),
  );
  if (p.cpu) out.push(formatCpu(p.cpu, p.customers));
  return out.join('\n');
}

const COMPONENTS = ['temporal', 'postgres', 'api', 'worker', 'bench'] as const;

function formatCpu(cpu: CpuUse, customers: number): string {
  const perCustomer = (seconds: number | undefined) => (seconds === undefined ? '–' : fmt((seconds * 1000) / Math.max(1, customers)));
  const cells = COMPONENTS.map((c) => `${c} ${perCustomer(cpu.seconds[c])}`);
  const other = cpu.topForeign.length
    ? ` (biggest: ${cpu.topForeign
        .slice(0, 3)
        .map((f) => `${f.comm} ${fmt(f.seconds)} s`)
        .join(', ')})`
    : '';
  return (
    `CPU ms per customer: ${cells.join(', ')}, other processes ${perCustomer(cpu.otherSeconds)}${other}; ` +
    `machine busy ${cpu.machineBusy === undefined ? '–' : `${Math.round(cpu.machineBusy * 100)} %`} over ${fmt(cpu.wallSeconds)} s ` +
    '(bench = this process: the Meta and Gemini simulators, the socket client)'
  );
}

export function formatTimeline(rows: TimelineRow[], customers: number, endToEnd: Latency, socketAfterPublish?: LatencySummary): string {
  const out = [`\n== where the time goes (paced phase, ${customers} workflow histories; Temporal server timestamps) ==`];
  const sumOfMeans = rows.reduce((sum, r) => sum + r.summary.mean, 0);
  out.push(
    pad([
      ['segment (ms)', 'p50', 'p99', 'mean', 'share'],
      ...rows.map((r) => [r.label, fmt(r.summary.p50), fmt(r.summary.p99), fmt(r.summary.mean), `${Math.round((r.summary.mean / sumOfMeans) * 100)} %`]),
      ['sum of the means (vs the end-to-end mean)', '', '', fmt(sumOfMeans), `(${fmt(endToEnd.mean)})`],
    ]),
  );
  const category = (label: string) =>
    label.includes('waiting for a poll')
      ? "Temporal: workflow tasks waiting for the worker's poll"
      : label.includes('workflow task on the worker')
        ? 'workflow tasks: worker runs the workflow code, Temporal records the completion'
        : label.includes('activity queue')
          ? "Temporal: activity tasks waiting for the worker's poll"
          : label.includes('running')
            ? 'activities running on the worker (answerWithAi includes the Gemini call)'
            : 'API: webhook to signalWithStart accepted';
  const totals = new Map<string, { ms: number; n: number }>();
  for (const r of rows) {
    const t = totals.get(category(r.label)) ?? { ms: 0, n: 0 };
    totals.set(category(r.label), { ms: t.ms + r.summary.mean, n: t.n + 1 });
  }
  const kinds = [...totals].map(([k, t]) => [`${k} ×${t.n}`, fmt(t.ms), `${Math.round((t.ms / sumOfMeans) * 100)} %`]);
  out.push('', pad([['by kind (mean ms per reply)', 'mean', 'share'], ...kinds]));
  if (socketAfterPublish) {
    out.push(
      `socket.io event received after the first publishEvents started: p50 ${fmt(socketAfterPublish.p50)} ms, p99 ${fmt(socketAfterPublish.p99)} ms (Postgres NOTIFY → API → room)`,
    );
  }
  return out.join('\n');
}

/** The figures as one JSON line (the last line of output). */
export function jsonFigures(phases: PhaseFigures[], machine: Record<string, unknown>, timelineRows: TimelineRow[]): string {
  const l = (x: Latency) => ({ n: x.count, p50: round(x.p50), p95: round(x.p95), p99: round(x.p99), max: round(x.max) });
  return JSON.stringify({
    bench: 'inbox',
    targets: TARGETS,
    machine,
    phases: phases.map((p) => ({
      name: p.name,
      customers: p.customers,
      replies: p.replies,
      events: p.events,
      webhookErrors: p.webhookErrors,
      reply: l(p.reply),
      event: l(p.event),
      ack: l(p.ack),
    })),
    timeline: timelineRows.map((r) => ({ segment: r.label.trim(), p50: round(r.summary.p50), mean: round(r.summary.mean) })),
  });
}
