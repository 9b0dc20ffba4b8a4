import type { AppConfig } from '../../config';

/** Meta's error object, kept whole so callers classify it once (see meta-errors.ts). */
export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    readonly subcode: number | undefined,
    message: string,
    readonly retryAfterSeconds: number | undefined,
    readonly kind: 'graph' | 'timeout' | 'network' | 'malformed',
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  form?: FormData;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface GraphClient {
  baseUrl: string;
  version: string;
  request<T>(req: GraphRequest): Promise<T>;
}

/**
 * A thin client over the Graph API's wire format (`fetch`, no SDK: Meta publishes none for Node).
 * Every call has a timeout; every failure becomes a GraphError with Meta's code when it sent one.
 */
export function createGraphClient(meta: Pick<AppConfig['meta'], 'graphUrl' | 'graphVersion'>): GraphClient {
  const baseUrl = meta.graphUrl.replace(/\/+$/, '');
  return {
    baseUrl,
    version: meta.graphVersion,
    async request<T>(req: GraphRequest): Promise<T> {
      const url = new URL(`${baseUrl}/${meta.graphVersion}/${req.path.replace(/^\/+/, '')}`);
      for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
      const timeout = AbortSignal.timeout(req.timeoutMs ?? 8_000);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await fetch(url, {
          method: req.method ?? (req.body || req.form ? 'POST' : 'GET'),
          headers: { ...(req.token ? { Authorization: `Bearer ${req.token}` } : {}), ...(req.body ? { 'Content-Type': 'application/json' } : {}) },
          body: req.form ?? (req.body ? JSON.stringify(req.body) : undefined),
          signal,
        });
      } catch (err) {
        const timedOut = timeout.aborted;
        throw new GraphError(
          0,
          undefined,
          undefined,
          timedOut ? 'Meta did not answer in time' : `Meta could not be reached: ${(err as Error).message}`,
          undefined,
          timedOut ? 'timeout' : 'network',
        );
      }
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        throw new GraphError(res.status, undefined, undefined, `Meta answered ${res.status} with a body that is not JSON`, retryAfter(res), 'malformed');
      }
      if (!res.ok || (json as { error?: unknown }).error) {
        const error = (json as { error?: { message?: string; code?: number; error_subcode?: number } }).error ?? {};
        throw new GraphError(res.status, error.code, error.error_subcode, error.message ?? `Meta answered ${res.status}`, retryAfter(res), 'graph');
      }
      return json as T;
    },
  };
}

function retryAfter(res: Response): number | undefined {
  const value = Number(res.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
