// SIGTERM/SIGINT → readiness 503 at once → (optional delay while load balancers notice) → stop
// accepting and drain in-flight HTTP, then gRPC (Nest closes HTTP first; the gRPC server uses
// tryShutdown) → flush telemetry → exit 0. Bounded by SHUTDOWN_TIMEOUT_MS; past it the process exits 1.
import { Injectable, INestApplication, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fastifyInstanceOf } from '../bootstrap/fastify-instance';
import { ReadinessService } from '../health/readiness.service';
import { shutdownTelemetry } from '../tracing/telemetry-shutdown';

export interface GracefulShutdownOptions {
  /** Upper bound for draining in-flight calls. */
  readonly timeoutMs: number;
  /** Time between readiness turning 503 and the listeners closing. */
  readonly delayMs: number;
  readonly signals?: readonly NodeJS.Signals[];
  /** Injected so tests can observe the outcome instead of losing their process. */
  readonly exit?: (code: number) => void;
}

/** Telemetry export gets its own bound: an unreachable collector must not hold the pod hostage. */
const TELEMETRY_FLUSH_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function within<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class GracefulShutdown implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly listeners = new Map<NodeJS.Signals, () => void>();
  private running?: Promise<number>;

  constructor(
    private readonly readiness: ReadinessService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = fastifyInstanceOf(this.adapterHost);
    if (!fastify) return;
    // A keep-alive connection that was busy when the server closed would stay open (and keep the
    // process alive) until its idle timeout: responses sent during shutdown close their connection.
    fastify
      .addHook(
        'onSend',
        (
          _request: FastifyRequest,
          reply: FastifyReply,
          payload: unknown,
          done: (e: null, p: unknown) => void,
        ) => {
          if (this.readiness.isShuttingDown()) void reply.header('connection', 'close');
          done(null, payload);
        },
      );
  }

  install(app: INestApplication, options: GracefulShutdownOptions): void {
    for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as const)) {
      const listener = () => void this.shutdown(app, options, signal);
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /** Runs the sequence once; later signals wait for the same run. Resolves with the exit code. */
  shutdown(app: INestApplication, options: GracefulShutdownOptions, signal: string): Promise<number> {
    this.running ??= this.run(app, options, signal);
    return this.running;
  }

  onApplicationShutdown(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
    this.listeners.clear();
  }

  private async run(
    app: INestApplication,
    options: GracefulShutdownOptions,
    signal: string,
  ): Promise<number> {
    this.readiness.markShuttingDown();
    this.logger.log(`${signal} received: readiness is 503, draining in-flight calls`);
    if (options.delayMs > 0) await sleep(options.delayMs);

    const closed = await within(
      app.close().then(
        () => true,
        (error: unknown) => {
          this.logger.error(`error while closing: ${String(error)}`);
          return false;
        },
      ),
      options.timeoutMs,
    );
    const drained = closed.done && closed.value;
    if (!closed.done) {
      this.logger.warn(`in-flight calls still running after ${options.timeoutMs} ms; exiting anyway`);
      app.getHttpServer().closeAllConnections?.();
    } else this.logger.log('listeners closed, in-flight calls drained');

    const flushed = await within(shutdownTelemetry(), TELEMETRY_FLUSH_TIMEOUT_MS).catch(() => ({
      done: false,
    }));
    if (!flushed.done) this.logger.warn('telemetry flush did not finish in time');

    const code = drained ? 0 : 1;
    (options.exit ?? ((c: number) => process.exit(c)))(code);
    return code;
  }
}
