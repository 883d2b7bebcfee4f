export { DependencyPolicy, type ResilienceLogger } from './dependency-policy';
export { type DependencyPolicyOptions } from './dependency-policy.options';
export {
  DependencyUnavailableError,
  isDependencyUnavailable,
  type DependencyUnavailableReason,
} from './dependency-unavailable.error';
export { defaultIsFailure } from './failure-classification';
export { BREAKER_STATE_VALUE, type BreakerStateName } from './resilience-metrics';
export { ResilienceRegistry } from './resilience-registry';
