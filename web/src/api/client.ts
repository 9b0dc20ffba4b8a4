import type { z } from 'zod';
import { ZAuthResponseSchema, type TAuthResponse } from '@domain/auth';
import { ZErrorResponseSchema } from '@domain/error-shape';
import { ApiError } from './api-error';

export { ApiError, isApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  body?: unknown;
  /** Validates the JSON answer; without it the body is ignored (204 and the like). */
  schema?: z.ZodType<T>;
  query?: Record<string, string | number | undefined>;
  /** false for calls that must not carry the bearer token nor trigger a refresh. */
  auth?: boolean;
}

/** Access tokens that a refresh can replace; any other 401 is final. */
const REFRESHABLE_CODES = new Set(['token_expired', 'token_invalid']);

/**
 * Typed fetch client. The short-lived access token lives only in memory; the refresh token is an
 * httpOnly cookie the browser sends itself (credentials: 'include').
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshInFlight: Promise<TAuthResponse | null> | null = null;
  private readonly expiredListeners = new Set<() => void>();
  private readonly blockedListeners = new Set<() => void>();

  constructor(private readonly baseUrl = '') {}

  setAccessToken(token: string | null): void {
    this.accessToken = token;
  }

  /** The current access token, for transports that cannot go through fetch (the realtime socket). */
  get token(): string | null {
    return this.accessToken;
  }

  /** Called when the session is gone for good (a refresh was refused). */
  onSessionExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  /** Called on any 402: the workspace has neither a trial nor a subscription. */
  onBlocked(listener: () => void): () => void {
    this.blockedListeners.add(listener);
    return () => this.blockedListeners.delete(listener);
  }

  get<T>(path: string, schema: z.ZodType<T>, query?: RequestOptions<T>['query']): Promise<T> {
    return this.request('GET', path, { schema, query });
  }

  post<T = void>(path: string, body?: unknown, schema?: z.ZodType<T>, auth = true): Promise<T> {
    return this.request('POST', path, { body, schema, auth });
  }

  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request('PATCH', path, { body, schema });
  }

  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request('PUT', path, { body, schema });
  }

  delete<T = void>(path: string, schema?: z.ZodType<T>): Promise<T> {
    return this.request('DELETE', path, { schema });
  }

  async request<T = void>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.finish(await this.sendAuthorized(method, path, options), options.schema);
  }

  /** A file behind authentication (GET /media/:id), as a Blob for an object URL. */
  async blob(path: string): Promise<Blob> {
    const res = await this.sendAuthorized('GET', path, {});
    if (!res.ok) throw await toApiError(res);
    return res.blob();
  }

  /** Sends once, and once more after a refresh when the access token was merely expired. */
  private async sendAuthorized<T>(method: Method, path: string, options: RequestOptions<T>): Promise<Response> {
    const auth = options.auth !== false;
    const res = await this.send(method, path, options, auth);
    if (res.status !== 401 || !auth) return res;
    const err = await toApiError(res);
    if (!REFRESHABLE_CODES.has(err.code)) throw err;
    // A refused refresh ends the session; a network failure just fails this call.
    const session = await this.refresh();
    if (!session) {
      this.expiredListeners.forEach((l) => l());
      throw err;
    }
    return this.send(method, path, options, auth);
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request: the
   * refresh token rotates, and sending the old one twice would revoke the whole family.
   */
  refresh(): Promise<TAuthResponse | null> {
    this.refreshInFlight ??= this.doRefresh().finally(() => {
      this.refreshInFlight = null;
    });
    return this.refreshInFlight;
  }

  private async doRefresh(): Promise<TAuthResponse | null> {
    const res = await this.send('POST', '/auth/refresh', {}, false);
    if (res.status === 401 || res.status === 403) {
      this.accessToken = null;
      return null;
    }
    const auth = await this.finish(res, ZAuthResponseSchema);
    this.accessToken = auth.accessToken;
    return auth;
  }

  private async send<T>(method: Method, path: string, options: RequestOptions<T>, auth: boolean): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    try {
      return await fetch(this.url(path, options.query), {
        method,
        headers,
        credentials: 'include',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Cannot reach Aerostic. Check your connection and try again.');
    }
  }

  private async finish<T>(res: Response, schema?: z.ZodType<T>): Promise<T> {
    if (!res.ok) {
      const err = await toApiError(res);
      if (res.status === 402) this.blockedListeners.forEach((l) => l());
      throw err;
    }
    if (!schema || res.status === 204) return undefined as T;
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiError(res.status, 'bad_response', 'The server sent an unexpected answer. Please try again.');
    return parsed.data;
  }

  private url(path: string, query?: RequestOptions<unknown>['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = ZErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, message, details ?? []);
  }
  return new ApiError(res.status, 'http_error', `The request failed (HTTP ${res.status}).`);
}

/** The one client of the web app: same origin, the API serves the built app. */
export const apiClient = new ApiClient();
