import { createTrialActivities, type TrialActivityDeps } from './trial';

export type ActivityDeps = TrialActivityDeps;

/** Every activity the workers register, built from explicit dependencies (no singletons). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTrialActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
