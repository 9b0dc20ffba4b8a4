export { trialWorkflow } from './trial';
export { subscriptionWorkflow } from './subscription';
export { dailyMetricsRollupWorkflow } from './daily-metrics';
