export interface GraphResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface GraphCallOptions {
  token?: string;
  json?: unknown;
  form?: FormData;
  query?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the simulator like the app does: `${url}/${version}/${path}` with a Bearer token. */
export function graphClient(baseUrl: string, version = 'v21.0') {
  return async function call(method: string, path: string, opts: GraphCallOptions = {}): Promise<GraphResponse> {
    const url = new URL(path.startsWith('http') ? path : `${baseUrl}/${version}/${path.replace(/^\//, '')}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      body: opts.form ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
      signal: opts.signal,
      redirect: 'manual',
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}
