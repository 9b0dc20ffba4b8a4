export { trialWorkflow } from './trial';
