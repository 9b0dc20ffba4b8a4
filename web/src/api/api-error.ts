import type { TIssueFacts } from '@domain/issue-facts';

export interface ApiErrorDetail {
  path: string;
  message: string;
  /** What a validation check was about (kind and limits), worded by the web app itself. */
  issue?: TIssueFacts;
}

/** Any failed call: an error answer from the API, an unreachable server, or an unexpected body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The first detail per field path ("email", "tenant.name" …), for showing under inputs. */
  fieldDetails(): Record<string, ApiErrorDetail> {
    const out: Record<string, ApiErrorDetail> = {};
    for (const d of this.details) {
      if (d.path && !(d.path in out)) out[d.path] = d;
    }
    return out;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
