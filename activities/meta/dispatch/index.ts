export { createDispatcher, type Dispatcher } from './dispatcher';
export type { DispatchInput, DispatchResult, DispatcherDeps } from './types';
export { toGraphMessage, type GraphMessage } from './graph-message';
export { explainMetaError } from './explain';
export { classifySendError } from './classify';
export { reconcileFromStatus } from './reconcile';
export type { DispatchActivities } from './activity';
export { createNumberRateLimiter } from './rate-limit';
export { CircuitBreaker } from './circuit-breaker';
