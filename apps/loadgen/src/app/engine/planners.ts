// What to send for each arrival: the weighted mix of the three services (server mode and CLI --mix),
// or one fixed request against a single target (CLI --target, for benchmarks).
import { BodyFactory } from '../bodies/body-factory';
import { Rng } from '../clock/rng';
import { RuntimeConfig } from '../config/runtime-config';
import { HttpResult } from '../http/traced-http-client';
import { ScenarioName } from '../mix/scenario-names';
import { isScenarioAvailable, planScenario, PlannedRequest, TargetOrigins } from '../mix/scenarios';
import { WeightedMix } from '../mix/weighted-mix';

export interface RequestPlanner {
  configure(config: RuntimeConfig): void;
  next(): PlannedRequest;
  /** Sees each result, e.g. to remember the ids of created orders. */
  observe(request: PlannedRequest, result: HttpResult): void;
}

export class MixPlanner implements RequestPlanner {
  readonly bodies: BodyFactory;
  private readonly mix: WeightedMix<ScenarioName>;

  constructor(
    private readonly origins: TargetOrigins,
    rng: Rng,
  ) {
    this.bodies = new BodyFactory(rng);
    this.mix = new WeightedMix<ScenarioName>({} as Record<ScenarioName, number>, rng);
  }

  configure(config: RuntimeConfig): void {
    this.mix.setWeights(config.mix);
  }

  next(): PlannedRequest {
    // Only a mix made of nothing but "read an order I created" can come up empty before the first
    // order exists; creating one is what a user would do first.
    const name = this.mix.pick((n) => isScenarioAvailable(n, this.bodies)) ?? 'orders_create';
    return planScenario(name, this.bodies, this.origins);
  }

  observe(request: PlannedRequest, result: HttpResult): void {
    if (!request.captureOrderId || result.json === null || typeof result.json !== 'object') return;
    const id = (result.json as { id?: unknown }).id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 128) this.bodies.rememberOrder(id);
  }
}

export interface FixedRequestOptions {
  target: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** The same request every time; the scenario label is "cli". */
export class FixedPlanner implements RequestPlanner {
  private readonly origin: string;
  private readonly path: string;

  constructor(private readonly options: FixedRequestOptions) {
    const url = new URL(options.path, options.target);
    this.origin = url.origin;
    this.path = url.pathname + url.search;
  }

  configure(): void {
    return;
  }

  next(): PlannedRequest {
    const headers: Record<string, string> = { accept: '*/*' };
    if (this.options.body !== undefined) headers['content-type'] = 'application/json';
    return {
      scenario: 'cli',
      origin: this.origin,
      method: this.options.method,
      path: this.path,
      route: this.path,
      headers,
      body: this.options.body,
    };
  }

  observe(): void {
    return;
  }
}
