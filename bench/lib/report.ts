import type { ApiPhaseView } from './api-metrics';
import type { CpuUse } from './cpu';
import type { WorkerMode } from './options';
import { fmt, round, type LatencySummary } from './stats';

export interface DrainFigures {
  seconds: number;
  caughtUp: boolean;
  /** Messages not yet recorded in Postgres when the wait ended. */
  pending: number;
}

export interface PhaseFigures {
  label: string;
  ok: number;
  errors: number;
  errorSamples: string[];
  elapsedSeconds: number;
  rate: number;
  /** Rate of each slice (phases 1 and 2 run in alternating slices). */
  sliceRates: number[];
  latency: LatencySummary;
  cpu: CpuUse;
  api?: ApiPhaseView;
  /** Phase 3 only: the paced rate asked for, and how late the sender ever was. */
  targetRate?: number;
  maxSendLagMs?: number;
  /** Worker on: the wait for the worker to record the backlog after each slice. */
  drains: DrainFigures[];
}

export interface ModeFigures {
  mode: WorkerMode;
  raw: PhaseFigures;
  ingest: PhaseFigures;
  /** Phase 1's raw signalWithStart paced at phase 3's rate: Temporal's own latency at that load. */
  halfRaw: PhaseFigures;
  half: PhaseFigures;
  ratio: number;
  /** ingest/raw of each round (slice i of phase 2 over slice i of phase 1). */
  roundRatios: number[];
  payloadBytes?: { raw?: { start: number; signal: number }; ingest?: { start: number; signal: number } };
  /** Worker on: messages it recorded in Postgres during the mode, out of those acknowledged. */
  worker?: {
    seconds: number;
    recorded: number;
    acknowledged: number;
    recordedPerSecond: number;
    alone?: { seconds: number; recorded: number; perSecond: number; backlog: number };
  };
}

export interface MachineFacts {
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGiB: number;
  temporalCli: string;
  postgres: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

const COMPONENTS = ['temporal', 'postgres', 'api', 'worker', 'bench'] as const;

function pad(value: string, width: number, left = false): string {
  return left ? value.padEnd(width) : value.padStart(width);
}

function table(header: string[], rows: string[][], firstWidth: number): string {
  const widths = header.map((h, i) => (i === 0 ? firstWidth : Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i === 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function modeTitle(mode: WorkerMode): string {
  return mode === 'on'
    ? 'worker ON: the worker process records the messages (2 activities, 3 workflow tasks each) while the load runs'
    : 'worker OFF: nothing polls the conversations queue; the load measures the hand-off to Temporal alone';
}

export function formatMode(m: ModeFigures, concurrency: number): string {
  const phases = [m.raw, m.ingest, m.halfRaw, m.half];
  const out: string[] = [`\n== ${modeTitle(m.mode)} ==`];
  out.push(
    table(
      ['phase', 'ok', 'errors', 'seconds', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      phases.map((p) => [
        p.label,
        String(p.ok),
        String(p.errors),
        fmt(p.elapsedSeconds),
        fmt(p.rate),
        fmt(p.latency.p50),
        fmt(p.latency.p90),
        fmt(p.latency.p99),
        fmt(p.latency.max),
      ]),
      44,
    ),
  );
  out.push(`ratio ingest/raw = ${fmt(m.ratio, 2)} (target ≥ 0.80)    half-load p99 = ${fmt(m.half.latency.p99)} ms (target < 50 ms)    concurrency ${concurrency}`);
  out.push('\nCPU ms per message (all cores; "other" = everything else on the machine), and machine busy %');
  out.push(
    table(
      ['phase', ...COMPONENTS, 'other', 'busy %'],
      phases.map((p) => {
        const per = (s: number | undefined) => (s === undefined || p.ok === 0 ? '–' : fmt((s * 1000) / p.ok, 2));
        return [p.label, ...COMPONENTS.map((c) => per(p.cpu.seconds[c])), per(p.cpu.otherSeconds), p.cpu.machineBusy === undefined ? '–' : fmt(p.cpu.machineBusy * 100, 0)];
      }),
      44,
    ),
  );
  for (const p of phases) {
    const other = p.cpu.otherSeconds ?? 0;
    if (p.cpu.wallSeconds > 0 && other / p.cpu.wallSeconds >= 0.1) {
      const cores = (s: number) => fmt(s / p.cpu.wallSeconds, 2);
      out.push(
        `other load during phase ${p.label.trim().split(' ')[0]}: ${cores(other)} cores, mostly ${p.cpu.topForeign.map((f) => `${f.comm} ${cores(f.seconds)}`).join(', ') || '(kernel)'}`,
      );
    }
  }
  for (const p of [m.ingest, m.half]) {
    if (!p.api) continue;
    out.push(
      `inside the API, ${p.label.trim()}: mean ${fmt(p.api.meanMs)} ms per webhook, ${p.api.within50ms === undefined ? '–' : fmt(p.api.within50ms * 100, 1)} % within 50 ms; API event-loop delay p99 ${fmt(p.api.eventLoopP99Ms)} ms, max ${fmt(p.api.eventLoopMaxMs)} ms`,
    );
  }
  if (m.half.targetRate !== undefined) {
    out.push(
      `phases 3r and 3 paced at ${fmt(m.half.targetRate)}/s (half of phase 2), latency counted from each request's due time; the sender was at most ${fmt(Math.max(m.half.maxSendLagMs ?? 0, m.halfRaw.maxSendLagMs ?? 0))} ms late`,
    );
  }
  if (m.roundRatios.length > 1)
    out.push(
      `per round: raw ${m.raw.sliceRates.map((r) => fmt(r)).join(', ')}/s; ingest ${m.ingest.sliceRates.map((r) => fmt(r)).join(', ')}/s; ratio ${m.roundRatios.map((r) => fmt(r, 2)).join(', ')}`,
    );
  if (m.worker) {
    out.push(
      `worker: recorded ${m.worker.recorded} of the ${m.worker.acknowledged} messages acknowledged in this mode in ${fmt(m.worker.seconds)} s = ${fmt(m.worker.recordedPerSecond)}/s` +
        (m.worker.recorded < m.worker.acknowledged ? ' (it was busy with a backlog through every phase)' : ''),
    );
    const alone = m.worker.alone;
    if (alone) {
      out.push(
        alone.recorded >= alone.backlog
          ? `worker alone afterwards (no load): finished the backlog of ${alone.backlog} within ${fmt(alone.seconds)} s (too small to give a rate)`
          : `worker alone on its backlog of ${alone.backlog} afterwards (no load): ${alone.recorded} recorded in ${fmt(alone.seconds)} s = ${fmt(alone.perSecond)}/s`,
      );
    }
  }
  const drained = phases.filter((p) => p.drains.length);
  if (drained.length) {
    const seconds = (p: PhaseFigures) => p.drains.reduce((n, d) => n + d.seconds, 0);
    const behind = (p: PhaseFigures) => p.drains.filter((d) => !d.caughtUp).reduce((n, d) => n + d.pending, 0);
    out.push(
      `worker catching up after the slices (not part of any rate): ${drained
        .map((p) => `phase ${p.label.trim().split(' ')[0]} ${fmt(seconds(p))} s${behind(p) ? ` (${behind(p)} left unrecorded at the time limit)` : ''}`)
        .join(', ')}`,
    );
  }
  if (m.payloadBytes) {
    const b = (x?: { start: number; signal: number }) => (x ? `${x.start} + ${x.signal}` : '–');
    out.push(`history payload bytes (start input + signal, encrypted): raw ${b(m.payloadBytes.raw)}, ingest ${b(m.payloadBytes.ingest)}`);
  }
  for (const p of phases) {
    if (p.errorSamples.length) out.push(`errors in ${p.label.trim()}: ${p.errorSamples.join(' | ')}`);
  }
  return out.join('\n');
}

export function formatSummary(modes: ModeFigures[], machine: MachineFacts): string {
  const header = ['', ...modes.map((m) => `worker ${m.mode}`)];
  const row = (label: string, value: (m: ModeFigures) => string) => [label, ...modes.map(value)];
  const rows = [
    row('raw signalWithStart / s   (phase 1)', (m) => fmt(m.raw.rate)),
    row('webhook ingest / s        (phase 2)', (m) => fmt(m.ingest.rate)),
    row('ratio ingest/raw          (target ≥ 0.80)', (m) => fmt(m.ratio, 2)),
    row('full load: raw p50 / p99 ms', (m) => `${fmt(m.raw.latency.p50)} / ${fmt(m.raw.latency.p99)}`),
    row('full load: webhook ack p50 / p99 ms', (m) => `${fmt(m.ingest.latency.p50)} / ${fmt(m.ingest.latency.p99)}`),
    row('half load: paced at / s', (m) => fmt(m.half.targetRate)),
    row('half load: raw p50 / p99 ms (3r)', (m) => `${fmt(m.halfRaw.latency.p50)} / ${fmt(m.halfRaw.latency.p99)}`),
    row('half load: webhook ack p50 / p99 ms (target p99 < 50)', (m) => `${fmt(m.half.latency.p50)} / ${fmt(m.half.latency.p99)}`),
    row('errors (phases 1, 2, 3r, 3)', (m) => `${m.raw.errors}, ${m.ingest.errors}, ${m.halfRaw.errors}, ${m.half.errors}`),
    row('worker recorded / s: under load, alone', (m) =>
      m.worker ? `${fmt(m.worker.recordedPerSecond)}, ${m.worker.alone && m.worker.alone.recorded < m.worker.alone.backlog ? fmt(m.worker.alone.perSecond) : '–'}` : '–',
    ),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join('   ');
  const phases = modes.flatMap((m) => [m.raw, m.ingest, m.halfRaw, m.half]);
  const wall = phases.reduce((n, p) => n + p.cpu.wallSeconds, 0);
  const other = phases.reduce((n, p) => n + (p.cpu.otherSeconds ?? 0), 0);
  const otherShare = wall > 0 ? other / (wall * machine.cores) : 0;
  return [
    '\n== webhook ingest vs raw signalWithStart, same Temporal server (DESIGN §7) ==',
    line(header),
    ...rows.map(line),
    'worker off measures the DESIGN §7 ingest target (hand-off to Temporal); worker on is the same while the worker records the messages.',
    ...(otherShare > 0.15
      ? [
          `note: processes outside this bench used ${fmt(otherShare * 100, 0)} % of the machine's CPU during the measured phases; the figures are lower and noisier than on an idle machine.`,
        ]
      : []),
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}, node ${machine.node}, ${machine.temporalCli}, Postgres ${machine.postgres}`,
    `load average at start ${machine.loadAverageAtStart.map((l) => fmt(l, 2)).join(' ')}${machine.loadAverageAtEnd ? `, at end ${machine.loadAverageAtEnd.map((l) => fmt(l, 2)).join(' ')}` : ''}`,
  ].join('\n');
}

/** The figures as one JSON object (for the last line of output). */
export function jsonFigures(modes: ModeFigures[], machine: MachineFacts, options: object): string {
  const phase = (p: PhaseFigures) => ({
    ok: p.ok,
    errors: p.errors,
    seconds: round(p.elapsedSeconds, 2),
    perSecond: round(p.rate, 1),
    p50Ms: round(p.latency.p50, 1),
    p90Ms: round(p.latency.p90, 1),
    p99Ms: round(p.latency.p99, 1),
    maxMs: round(p.latency.max, 1),
    ...(p.targetRate !== undefined ? { targetPerSecond: round(p.targetRate, 1), maxSendLagMs: round(p.maxSendLagMs ?? 0, 1) } : {}),
    cpuMsPerMessage: Object.fromEntries(
      [...Object.entries(p.cpu.seconds), ['other', p.cpu.otherSeconds] as const].map(([k, v]) => [k, v === undefined || p.ok === 0 ? null : round((v * 1000) / p.ok, 2)]),
    ),
    machineBusyPct: p.cpu.machineBusy === undefined ? null : round(p.cpu.machineBusy * 100, 0),
    otherCores: p.cpu.otherSeconds === undefined || p.cpu.wallSeconds === 0 ? null : round(p.cpu.otherSeconds / p.cpu.wallSeconds, 2),
    ...(p.api
      ? {
          apiMeanMs: round(p.api.meanMs, 1),
          apiWithin50msPct: p.api.within50ms === undefined ? null : round(p.api.within50ms * 100, 1),
          apiEventLoopP99Ms: round(p.api.eventLoopP99Ms ?? Number.NaN, 1),
        }
      : {}),
    ...(p.sliceRates.length > 1 ? { slicePerSecond: p.sliceRates.map((r) => round(r, 1)) } : {}),
    ...(p.drains.length
      ? {
          drainSeconds: round(
            p.drains.reduce((n, d) => n + d.seconds, 0),
            1,
          ),
          drainCaughtUp: p.drains.every((d) => d.caughtUp),
        }
      : {}),
  });
  return JSON.stringify({
    bench: 'webhook-ingest',
    at: new Date().toISOString(),
    machine,
    options,
    modes: Object.fromEntries(
      modes.map((m) => [
        `worker_${m.mode}`,
        {
          rawPerSecond: round(m.raw.rate, 1),
          ingestPerSecond: round(m.ingest.rate, 1),
          ratio: round(m.ratio, 3),
          roundRatios: m.roundRatios.map((r) => round(r, 3)),
          halfLoadP99Ms: round(m.half.latency.p99, 1),
          workerRecordedPerSecond: m.worker ? round(m.worker.recordedPerSecond, 1) : null,
          workerAlonePerSecond: m.worker?.alone && m.worker.alone.recorded < m.worker.alone.backlog ? round(m.worker.alone.perSecond, 1) : null,
          raw: phase(m.raw),
          ingest: phase(m.ingest),
          halfRaw: phase(m.halfRaw),
          half: phase(m.half),
          payloadBytes: m.payloadBytes,
        },
      ]),
    ),
  });
}
