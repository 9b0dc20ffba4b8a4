import { ApplicationFailure } from '@temporalio/activity';

/**
 * Razorpay failures classified once: 429 and 5xx (and no answer at all) are retried by Temporal;
 * other 4xx are the request's fault and fail at once with Razorpay's code.
 */
export function classifyRazorpayError(err: unknown, action: string): never {
  const statusCode = typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;
  const detail = typeof err === 'object' && err !== null ? (err as { error?: { code?: string; description?: string } }).error : undefined;
  const message = `Razorpay ${action} failed${statusCode ? ` (${statusCode})` : ''}: ${detail?.description ?? (err instanceof Error ? err.message : 'no answer')}`;
  if (statusCode && statusCode >= 400 && statusCode < 500 && statusCode !== 429) {
    throw ApplicationFailure.nonRetryable(message, detail?.code ?? 'razorpay_rejected', { statusCode });
  }
  throw ApplicationFailure.retryable(message, 'razorpay_unavailable');
}

export async function callRazorpay<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    classifyRazorpayError(err, action);
  }
}
