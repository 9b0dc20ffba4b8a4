import { whatsappErrorStatus } from './whatsapp-connect';
import type { TIssueFacts } from './issue-facts';

/**
 * Application error codes and the HTTP status each maps to. The error middleware is the only
 * place these become responses (SPEC §3: `{"error":{"code","message","details?"}}`).
 */
export const errorStatus = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_cursor: 400,
  unauthenticated: 401,
  invalid_signature: 401,
  invalid_credentials: 401,
  token_invalid: 401,
  token_expired: 401,
  refresh_token_invalid: 401,
  refresh_token_reused: 401,
  subscription_required: 402,
  limit_reached: 402,
  forbidden: 403,
  account_deactivated: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_subscribed: 409,
  no_subscription: 409,
  same_plan: 409,
  email_taken: 409,
  workspace_taken: 409,
  otp_invalid: 422,
  window_closed: 422,
  no_whatsapp_number: 422,
  contact_opted_out: 422,
  otp_expired: 422,
  link_invalid: 422,
  otp_locked: 429,
  otp_budget_exhausted: 429,
  otp_resend_cooldown: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  billing_provider_error: 502,
  unavailable: 503,
  ...whatsappErrorStatus,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  message: string;
  /** Validation failures only: what the check was about, for clients that word it themselves. */
  issue?: TIssueFacts;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
