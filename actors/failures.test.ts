import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { AppError } from '../domain/errors';
import { toAppError, withFailuresMapped } from './failures';

// The errors are the SDK's own classes, built as the client builds them from a failed update or run.
const updateFailed = (cause: Error) => new WorkflowUpdateFailedError('Workflow Update failed', cause);
const viaActivity = (failure: ApplicationFailure) =>
  new ActivityFailure('Activity task failed', 'createRazorpaySubscription', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', failure);
const providerRefused = new AppError('billing_provider_error', 'The payment provider did not accept the request');

describe('the one mapping of workflow failures to AppError', () => {
  it("turns an update validator's not_found into a 404 AppError with the validator's message", () => {
    const mapped = toAppError(updateFailed(ApplicationFailure.nonRetryable('This conversation does not exist yet', 'not_found')));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: 'not_found', status: 404, message: 'This conversation does not exist yet' });
  });

  it('maps every client error code the same way, from a validator, an activity inside the handler, or a failed run', () => {
    expect(toAppError(updateFailed(ApplicationFailure.nonRetryable('closed', 'window_closed')))).toMatchObject({ code: 'window_closed', status: 422 });
    expect(toAppError(updateFailed(viaActivity(ApplicationFailure.nonRetryable('same', 'same_plan'))))).toMatchObject({ code: 'same_plan', status: 409 });
    const runFailed = new WorkflowFailedError('Workflow execution failed', ApplicationFailure.nonRetryable('busy', 'conflict'), RetryState.NON_RETRYABLE_FAILURE);
    expect(toAppError(runFailed)).toMatchObject({ code: 'conflict', status: 409 });
  });

  it("gives a failure that is not a client error the actor's fallback, or leaves it as thrown (a 5xx)", () => {
    const foreign = updateFailed(viaActivity(ApplicationFailure.nonRetryable('Razorpay answered 500', 'razorpay_http_500')));
    expect(toAppError(foreign, providerRefused)).toBe(providerRefused);
    expect(toAppError(foreign)).toBe(foreign);
    // A server-side code is never passed on as if it were the caller's mistake.
    const internal = updateFailed(ApplicationFailure.nonRetryable('db down', 'unavailable'));
    expect(toAppError(internal)).toBe(internal);
  });

  it('leaves errors that are not a workflow failure alone, even with a fallback', () => {
    const started = new WorkflowExecutionAlreadyStartedError('already started', 'trial:t1', 'trialWorkflow');
    expect(toAppError(started, providerRefused)).toBe(started);
    const network = new Error('14 UNAVAILABLE: connection refused');
    expect(toAppError(network, providerRefused)).toBe(network);
  });

  it('withFailuresMapped rethrows the mapped error and passes results through', async () => {
    await expect(withFailuresMapped(async () => 'ok')).resolves.toBe('ok');
    await expect(withFailuresMapped(() => Promise.reject(updateFailed(ApplicationFailure.nonRetryable('gone', 'not_found'))))).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });
});
