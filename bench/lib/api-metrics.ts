/**
 * The API's own view of a phase, from its Prometheus endpoint: time spent inside the app per webhook
 * (the request-duration histogram of POST /webhooks/meta) and the event-loop delay. prom-client resets
 * its event-loop histogram at every scrape, so a scrape right after a phase covers that phase.
 */
export interface ApiScrape {
  count: number;
  sumSeconds: number;
  /** Cumulative bucket counts by upper bound (seconds). */
  buckets: Map<number, number>;
  eventLoopP99Ms: number | undefined;
  eventLoopMaxMs: number | undefined;
}

const ROUTE = 'route="/webhooks/meta"';

export async function scrapeApi(baseUrl: string): Promise<ApiScrape | undefined> {
  let text: string;
  try {
    const res = await fetch(new URL('/metrics', baseUrl), { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return undefined;
    text = await res.text();
  } catch {
    return undefined;
  }
  const scrape: ApiScrape = { count: 0, sumSeconds: 0, buckets: new Map(), eventLoopP99Ms: undefined, eventLoopMaxMs: undefined };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith('aerostic_http_request_duration_seconds') && line.includes(ROUTE) && line.includes('status="200"') && line.includes('method="POST"')) {
      if (line.startsWith('aerostic_http_request_duration_seconds_count')) scrape.count += value;
      else if (line.startsWith('aerostic_http_request_duration_seconds_sum')) scrape.sumSeconds += value;
      else if (line.startsWith('aerostic_http_request_duration_seconds_bucket')) {
        const le = /le="([^"]+)"/.exec(line)?.[1];
        if (le) scrape.buckets.set(le === '+Inf' ? Infinity : Number(le), (scrape.buckets.get(le === '+Inf' ? Infinity : Number(le)) ?? 0) + value);
      }
    } else if (line.startsWith('aerostic_nodejs_eventloop_lag_p99_seconds ')) scrape.eventLoopP99Ms = value * 1000;
    else if (line.startsWith('aerostic_nodejs_eventloop_lag_max_seconds ')) scrape.eventLoopMaxMs = value * 1000;
  }
  return scrape;
}

export interface ApiPhaseView {
  requests: number;
  /** Mean time inside the app (Koa middleware stack) per acknowledged webhook, ms. */
  meanMs: number;
  /** Share of acknowledged webhooks handled within 50 ms, inside the app. */
  within50ms: number | undefined;
  eventLoopP99Ms: number | undefined;
  eventLoopMaxMs: number | undefined;
}

export function apiBetween(before: ApiScrape | undefined, after: ApiScrape | undefined): ApiPhaseView | undefined {
  if (!before || !after) return undefined;
  const requests = after.count - before.count;
  if (requests <= 0) return undefined;
  const at50 = (s: ApiScrape) => s.buckets.get(0.05);
  const b50 = at50(before);
  const a50 = at50(after);
  return {
    requests,
    meanMs: ((after.sumSeconds - before.sumSeconds) * 1000) / requests,
    within50ms: a50 !== undefined && b50 !== undefined ? (a50 - b50) / requests : undefined,
    eventLoopP99Ms: after.eventLoopP99Ms,
    eventLoopMaxMs: after.eventLoopMaxMs,
  };
}
