// Builds and keeps one DependencyPolicy per dependency: a breaker only protects if every call to
// that dependency shares it, so `policy(target)` always returns the same instance.
import type { Registry, RegistryContentType } from 'prom-client';
import { DependencyPolicy, type ResilienceLogger } from './dependency-policy';
import { validatePolicyOptions, type DependencyPolicyOptions } from './dependency-policy.options';
import { TargetMetrics } from './resilience-metrics';

export class ResilienceRegistry {
  private readonly policies = new Map<string, DependencyPolicy>();

  constructor(
    // Either exposition format: the module's registry serves OpenMetrics (exemplars) to scrapers that ask.
    private readonly registry: Registry<RegistryContentType>,
    private readonly logger: ResilienceLogger,
  ) {}

  /**
   * The policy for `target`, built from `options` on first use. Later calls return that same
   * instance and ignore their options: the first configuration of a dependency wins.
   * @throws RangeError if `options` are invalid (a non-positive timeout, a fractional count, …).
   */
  policy(target: string, options: DependencyPolicyOptions): DependencyPolicy {
    const existing = this.policies.get(target);
    if (existing) return existing;
    validatePolicyOptions(target, options);
    const created = new DependencyPolicy(
      target,
      options,
      new TargetMetrics(this.registry, target),
      this.logger,
    );
    this.policies.set(target, created);
    return created;
  }
}
