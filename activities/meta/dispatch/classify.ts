import { ApplicationFailure } from '@temporalio/common';
import { GraphError } from '../../../integrations/meta/graph-client';
import { explainMetaError } from './explain';

/** How a failed send leaves the ledger and the breaker, besides the failure Temporal sees. */
export interface SendFailure {
  failure: ApplicationFailure;
  /** Stored as message_sends.last_error_code. */
  code: string;
  /** retryable + proven not accepted → the ledger goes back to pending; ambiguous → it stays in_flight. */
  outcome: 'not_accepted' | 'ambiguous' | 'rejected';
  /** Only failures that say something about the number's health feed its circuit breaker. */
  countsForBreaker: boolean;
  tokenExpired: boolean;
}

const RATE_LIMITS = new Set([4, 80007, 130429, 131056]);
const TRANSIENT = new Set([1, 2, 131000, 131057]);
// The pair limit is about one recipient (~1 message / 6 s), not the number, so it has its own pace.
const PAIR_LIMIT = 131056;
const PAIR_LIMIT_DELAY_MS = 6_000;

export function classifySendError(err: unknown): SendFailure {
  if (!(err instanceof GraphError)) {
    const failure = ApplicationFailure.create({ type: 'meta_retryable', message: `Send failed unexpectedly: ${(err as Error)?.message ?? String(err)}` });
    return { failure, code: 'unexpected', outcome: 'ambiguous', countsForBreaker: true, tokenExpired: false };
  }
  const retryAfterMs = err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : undefined;
  if (err.kind === 'timeout' || err.kind === 'network') {
    return retryable(err.message, err.kind, 'ambiguous', true);
  }
  if (err.kind === 'malformed') {
    // A garbled 2xx may be an accepted send whose answer was cut off: only a status webhook can tell.
    const ok = err.httpStatus >= 200 && err.httpStatus < 300;
    return retryable(err.message, 'malformed', ok ? 'ambiguous' : 'not_accepted', true, retryAfterMs);
  }
  const code = err.code;
  if (code !== undefined && RATE_LIMITS.has(code)) {
    const delay = retryAfterMs ?? (code === PAIR_LIMIT ? PAIR_LIMIT_DELAY_MS : undefined);
    return retryable(`Meta rate limit (${code}): ${err.message}`, String(code), 'not_accepted', code !== PAIR_LIMIT, delay);
  }
  if ((code !== undefined && TRANSIENT.has(code)) || err.httpStatus >= 500 || err.httpStatus === 429) {
    return retryable(`Meta failed (${code ?? err.httpStatus}): ${err.message}`, String(code ?? err.httpStatus), 'not_accepted', true, retryAfterMs);
  }
  const explanation = explainMetaError(code);
  const title = err.message.replace(/^\(#\d+\)\s*/, '');
  const stored = code === undefined ? `http_${err.httpStatus}` : String(code);
  const failure = ApplicationFailure.nonRetryable(explanation, `meta_${stored}`, { code: code ?? null, title, explanation });
  return { failure, code: stored, outcome: 'rejected', countsForBreaker: false, tokenExpired: code === 190 };
}

function retryable(message: string, code: string, outcome: 'not_accepted' | 'ambiguous', countsForBreaker: boolean, nextRetryDelay?: number): SendFailure {
  const failure = ApplicationFailure.create({ type: 'meta_retryable', message, nextRetryDelay, details: [{ code }] });
  return { failure, code, outcome, countsForBreaker, tokenExpired: false };
}

/** The failure a retry rethrows when the ledger already holds a rejection (Temporal should not retry it, but may replay). */
export function rejectedFailure(code: string | null): ApplicationFailure {
  const numeric = code !== null && /^\d+$/.test(code) ? Number(code) : undefined;
  const explanation = explainMetaError(numeric);
  return ApplicationFailure.nonRetryable(explanation, `meta_${code ?? 'rejected'}`, { code: numeric ?? code, title: null, explanation });
}
