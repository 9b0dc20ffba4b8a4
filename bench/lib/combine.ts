import type { ApiPhaseView } from './api-metrics';
import type { CpuUse } from './cpu';
import type { LoadResult } from './load';
import type { DrainFigures, PhaseFigures } from './report';
import { summarize } from './stats';

/** One measured slice of a phase: its load result and what the processes spent meanwhile. */
export interface Slice {
  result: LoadResult & { maxSendLagMs?: number };
  cpu: CpuUse;
  api?: ApiPhaseView;
  drain?: DrainFigures;
}

function combineCpu(parts: CpuUse[]): CpuUse {
  const seconds: Record<string, number> = {};
  let wall = 0;
  let other: number | undefined = 0;
  let busyWeighted: number | undefined = 0;
  for (const part of parts) {
    wall += part.wallSeconds;
    for (const [name, value] of Object.entries(part.seconds)) seconds[name] = (seconds[name] ?? 0) + value;
    other = other === undefined || part.otherSeconds === undefined ? undefined : other + part.otherSeconds;
    busyWeighted = busyWeighted === undefined || part.machineBusy === undefined ? undefined : busyWeighted + part.machineBusy * part.wallSeconds;
  }
  const foreign = new Map<string, number>();
  for (const part of parts) for (const f of part.topForeign) foreign.set(f.comm, (foreign.get(f.comm) ?? 0) + f.seconds);
  return {
    wallSeconds: wall,
    seconds,
    otherSeconds: other,
    machineBusy: busyWeighted === undefined || wall === 0 ? undefined : busyWeighted / wall,
    topForeign: [...foreign.entries()]
      .map(([comm, s]) => ({ comm, seconds: s }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 5),
  };
}

function combineApi(parts: (ApiPhaseView | undefined)[]): ApiPhaseView | undefined {
  const views = parts.filter((p): p is ApiPhaseView => p !== undefined);
  if (views.length === 0) return undefined;
  const requests = views.reduce((n, v) => n + v.requests, 0);
  const weighted = (pick: (v: ApiPhaseView) => number | undefined) =>
    views.some((v) => pick(v) === undefined) ? undefined : views.reduce((sum, v) => sum + pick(v)! * v.requests, 0) / requests;
  const worst = (pick: (v: ApiPhaseView) => number | undefined) => {
    const values = views.map(pick).filter((x): x is number => x !== undefined);
    return values.length ? Math.max(...values) : undefined;
  };
  return {
    requests,
    meanMs: weighted((v) => v.meanMs) ?? Number.NaN,
    within50ms: weighted((v) => v.within50ms),
    eventLoopP99Ms: worst((v) => v.eventLoopP99Ms),
    eventLoopMaxMs: worst((v) => v.eventLoopMaxMs),
  };
}

/** The slices of one phase as one set of figures: counts and CPU summed, latencies pooled. */
export function combineSlices(label: string, slices: Slice[]): PhaseFigures {
  const ok = slices.reduce((n, s) => n + s.result.ok, 0);
  const elapsedMs = slices.reduce((n, s) => n + s.result.elapsedMs, 0);
  const errorSamples = [...new Set(slices.flatMap((s) => s.result.errorSamples))].slice(0, 5);
  const lags = slices.map((s) => s.result.maxSendLagMs).filter((x): x is number => x !== undefined);
  return {
    label,
    ok,
    errors: slices.reduce((n, s) => n + s.result.errors, 0),
    errorSamples,
    elapsedSeconds: elapsedMs / 1000,
    rate: elapsedMs > 0 ? (ok * 1000) / elapsedMs : 0,
    sliceRates: slices.map((s) => s.result.rate),
    latency: summarize(slices.flatMap((s) => s.result.latencies)),
    cpu: combineCpu(slices.map((s) => s.cpu)),
    api: combineApi(slices.map((s) => s.api)),
    maxSendLagMs: lags.length ? Math.max(...lags) : undefined,
    drains: slices.map((s) => s.drain).filter((d): d is DrainFigures => d !== undefined),
  };
}
