import { createBillingActivities, type BillingDeps } from './billing';
import { createMetricsActivities } from './metrics';
import { createTrialActivities, type TrialActivityDeps } from './trial';

export type ActivityDeps = TrialActivityDeps & BillingDeps;

/** Every activity the workers register, built from explicit dependencies (no singletons). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTrialActivities(deps),
    ...createBillingActivities(deps),
    ...createMetricsActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
