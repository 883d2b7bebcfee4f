// The one import a service needs: ObservabilityModule.forRoot({ service }) wires metrics, logs,
// health, errors, resilience and lifecycle; the tracing preload (instrumentation.ts) does the rest.
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { bootstrapEnv } from './config/bootstrap-env';
import { baseConfigSchema, loadConfig } from './config/config';
import { ObservabilityExceptionFilter } from './errors/exception.filter';
import { FaultMarker } from './faults/fault-marker';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { loggerParams } from './logging/logger-params';
import { RequestCompletionLog } from './logging/request-completion-log';
import { GrpcMetricsInterceptor } from './metrics/grpc-metrics.interceptor';
import { HttpMetricsHooks } from './metrics/http-metrics.hooks';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { createMetricsRegistry } from './metrics/registry';
import { ResilienceRegistry } from './resilience';

export interface ObservabilityOptions {
  readonly service: string;
  readonly version?: string;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

// Read in each factory, not once per forRoot: one module definition can back several apps in a
// process (tests), each bootstrapped with its own environment.
function metricsEnabled(): boolean {
  return loadConfig(baseConfigSchema, bootstrapEnv()).OBS_METRICS_ENABLED;
}

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const version = options.version ?? process.env['SERVICE_VERSION'];
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => {
            const config = loadConfig(baseConfigSchema, bootstrapEnv());
            return loggerParams({
              service: options.service,
              version,
              level: config.LOG_LEVEL,
              format: config.LOG_FORMAT,
              sync: config.LOG_SYNC,
            });
          },
        }),
      ],
      controllers: [MetricsController, HealthController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: { ...options, version } },
        {
          provide: Registry,
          useFactory: () => createMetricsRegistry({ defaultMetrics: metricsEnabled() }),
        },
        {
          provide: MetricsService,
          useFactory: (registry: Registry) => new MetricsService(registry, metricsEnabled()),
          inject: [Registry],
        },
        {
          provide: ResilienceRegistry,
          useFactory: (registry: Registry, logger: PinoLogger) => {
            logger.setContext('Resilience');
            return new ResilienceRegistry(registry, logger);
          },
          inject: [Registry, PinoLogger],
        },
        ReadinessService,
        FaultMarker,
        GracefulShutdown,
        HttpMetricsHooks,
        RequestCompletionLog,
        { provide: APP_FILTER, useClass: ObservabilityExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: GrpcMetricsInterceptor },
      ],
      exports: [
        OBSERVABILITY_OPTIONS,
        Registry,
        MetricsService,
        ResilienceRegistry,
        ReadinessService,
        FaultMarker,
        LoggerModule,
      ],
    };
  }
}
