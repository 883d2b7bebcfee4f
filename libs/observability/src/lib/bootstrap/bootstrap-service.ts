// The one start-up path every service uses (main.ts and the e2e tests alike): validated config,
// Fastify with a body limit, pino as Nest's logger, validation, OpenAPI, the optional gRPC server
// (hybrid app), listen, readiness, and graceful shutdown on SIGTERM/SIGINT.
import { Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { withBootstrapEnv } from '../config/bootstrap-env';
import { baseConfigSchema, ConfigError, loadConfig } from '../config/config';
import { ReadinessService } from '../health/readiness.service';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown';
import { setupSwagger } from './swagger';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface GrpcServerOptions {
  readonly package: string | string[];
  readonly protoPath: string | string[];
  /** Overridden by GRPC_PORT. */
  readonly port: number;
}

export interface BootstrapOptions {
  readonly service: string;
  readonly version?: string;
  /** Overridden by PORT; 0 picks a free port (read it from app.getHttpServer().address()). */
  readonly httpPort: number;
  readonly grpc?: GrpcServerOptions;
  readonly bodyLimitBytes?: number;
  /** Defaults to process.env; tests pass their own. */
  readonly env?: Record<string, string | undefined>;
}

export async function bootstrapService(
  rootModule: Type<unknown>,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  // Before Nest starts, so a bad variable fails with one clear line instead of a half-started app.
  const env = options.env ?? process.env;
  const config = loadConfig(baseConfigSchema, env);
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES });
  const app = await withBootstrapEnv(env, () =>
    NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true }),
  );
  try {
    app.useLogger(app.get(Logger));
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    setupSwagger(app, options.service, options.version);
    if (options.grpc) {
      app.connectMicroservice<MicroserviceOptions>(
        {
          transport: Transport.GRPC,
          options: {
            package: options.grpc.package,
            protoPath: options.grpc.protoPath,
            url: `0.0.0.0:${config.GRPC_PORT ?? options.grpc.port}`,
            // tryShutdown on close: in-flight calls finish instead of being cancelled.
            gracefulShutdown: true,
          },
        },
        // The module's global filter, interceptor and pipes apply to gRPC handlers too.
        { inheritAppConfig: true },
      );
      await app.startAllMicroservices();
    }
    await app.listen({ port: config.PORT ?? options.httpPort, host: '0.0.0.0' });
    app.get(ReadinessService).markStarted();
    app
      .get(GracefulShutdown)
      .install(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, delayMs: config.SHUTDOWN_DELAY_MS });
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** For main.ts: `bootstrapService(...).catch(exitOnStartupError)` prints one JSON line and exits 1. */
export function exitOnStartupError(error: unknown): never {
  const msg =
    error instanceof ConfigError
      ? error.message
      : `start-up failed: ${String(error instanceof Error ? error.stack : error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), msg })}\n`);
  process.exit(1);
}
