export interface ApiErrorDetail {
  path: string;
  message: string;
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

  /** The first message per field path ("email", "tenant.name" …), for showing under inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      if (d.path && !(d.path in out)) out[d.path] = d.message;
    }
    return out;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
