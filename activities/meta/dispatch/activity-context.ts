import { asyncLocalStorage, type Context } from '@temporalio/activity';

/** The running activity's context, or undefined when called outside a worker (unit tests, scripts). */
export function currentActivity(): Context | undefined {
  return asyncLocalStorage.getStore();
}

/** Sleeps, ending early with CancelledFailure when the activity is cancelled. */
export function activitySleep(ms: number): Promise<void> {
  const context = currentActivity();
  return context ? context.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
}
