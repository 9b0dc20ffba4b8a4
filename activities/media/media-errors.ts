import { ApplicationFailure } from '@temporalio/common';
import { currentActivity } from '../meta/dispatch/activity-context';
import { GraphError } from '../../integrations/meta/graph-client';

// Meta's throttling and "temporarily unavailable" codes (EXTERNAL-APIS §1): worth another attempt.
const RETRYABLE_CODES = new Set([1, 2, 4, 80007, 130429, 131000]);

/**
 * Media failures classified once, like razorpay/errors.ts: no answer, 429, 5xx and Meta's transient
 * codes are retried by Temporal (honouring Retry-After); any other refusal fails at once with Meta's code.
 */
export function mediaFailure(err: unknown, action: string): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  if (err instanceof GraphError) {
    const message = `${action} failed: ${err.message}`;
    const transient = err.kind !== 'graph' || err.httpStatus >= 500 || err.httpStatus === 429 || (err.code !== undefined && RETRYABLE_CODES.has(err.code));
    if (transient) return retryableMediaFailure(message, err.retryAfterSeconds);
    if (err.code === 190) return ApplicationFailure.nonRetryable('The WhatsApp number must be reconnected: its access token expired', 'meta_190');
    return ApplicationFailure.nonRetryable(message, `meta_${err.code ?? `http_${err.httpStatus}`}`, { code: err.code ?? null });
  }
  // A dropped connection or a local write error: nothing proves the next attempt fails too.
  return retryableMediaFailure(`${action} failed: ${err instanceof Error ? err.message : String(err)}`);
}

export function retryableMediaFailure(message: string, retryAfterSeconds?: number): ApplicationFailure {
  return ApplicationFailure.create({ type: 'media_retryable', message, nextRetryDelay: retryAfterSeconds ? retryAfterSeconds * 1000 : undefined });
}

/** A cancelled activity reports its CancelledFailure, so the workflow sees a cancellation, not a media error. */
export function cancelledOr(err: unknown, action: string): unknown {
  const signal = currentActivity()?.cancellationSignal;
  return signal?.aborted ? signal.reason : mediaFailure(err, action);
}
