// The server's one LoadEngine: built from the environment, reporting into the catalog metrics, started
// when the app has booted and stopped (in-flight requests drained briefly) when it shuts down.
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { loadConfig, MetricsService } from '@obs/observability';
import { createRng } from '../clock/rng';
import { LoadgenEnv, loadgenEnvSchema, runtimeConfigFromEnv } from '../config/loadgen-env';
import { LoadEngine } from '../engine/load-engine';
import { MixPlanner } from '../engine/planners';
import { ensureTracing } from '../http/ensure-tracing';
import { PromLoadgenTelemetry } from '../telemetry/prom-loadgen-telemetry';

export const LOADGEN_ENV = Symbol('LOADGEN_ENV');

export const loadgenEnvProvider = {
  provide: LOADGEN_ENV,
  useFactory: (): LoadgenEnv => loadConfig(loadgenEnvSchema),
};

/** How long shutdown waits for requests in flight before aborting them. */
const DRAIN_MS = 2_000;

@Injectable()
export class LoadEngineHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly engine: LoadEngine;

  constructor(@Inject(LOADGEN_ENV) env: LoadgenEnv, metrics: MetricsService) {
    ensureTracing();
    const origins = { orders: env.ORDERS_URL, payments: env.PAYMENTS_URL, users: env.USERS_URL };
    this.engine = new LoadEngine({
      config: runtimeConfigFromEnv(env),
      rng: createRng(env.LOADGEN_SEED),
      planner: (rng) => new MixPlanner(origins, rng),
      telemetry: new PromLoadgenTelemetry(metrics),
      startPaused: env.LOADGEN_START_PAUSED,
    });
  }

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop(DRAIN_MS);
  }
}
