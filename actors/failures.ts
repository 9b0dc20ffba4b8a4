import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, errorStatus, type ErrorCode } from '../domain/errors';

const isClientErrorCode = (type: string): type is ErrorCode => type in errorStatus && errorStatus[type as ErrorCode] < 500;

/** The ApplicationFailure a workflow or update failed with: thrown by a validator or handler, or by an activity it ran. */
function applicationFailureOf(err: unknown): ApplicationFailure | undefined {
  if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowFailedError)) return undefined;
  let cause: unknown = err.cause;
  for (let depth = 0; cause instanceof Error && depth < 4; depth++) {
    if (cause instanceof ApplicationFailure) return cause;
    cause = cause.cause;
  }
  return undefined;
}

/**
 * The one mapping of workflow failures to API errors, for every actor. A failure typed with one of
 * our client error codes (a validator's `not_found`, `window_closed`, `same_plan`…) becomes that
 * AppError, so the caller gets its 4xx. Any other ApplicationFailure becomes `otherwise` when the
 * actor names one (billing: the payment provider refused); without it, and for anything that is not
 * a workflow's failure (Temporal unreachable, a timeout), the error stays as thrown: a 5xx.
 */
export function toAppError(err: unknown, otherwise?: AppError): unknown {
  const failure = applicationFailureOf(err);
  if (!failure) return err;
  const type = failure.type ?? '';
  if (isClientErrorCode(type)) return new AppError(type, failure.message);
  return otherwise ?? err;
}

/** Runs a call to an actor, turning its workflow's failures into AppErrors by the one mapping above. */
export async function withFailuresMapped<T>(call: () => Promise<T>, otherwise?: AppError): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toAppError(err, otherwise);
  }
}
