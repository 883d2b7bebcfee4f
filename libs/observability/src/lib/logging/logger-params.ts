// nestjs-pino settings: one JSON line per request and per event, each carrying service, trace_id and
// span_id of the active span (via a mixin, so it works with or without instrumentation-pino), the
// route template, status and duration; secrets redacted; LOG_FORMAT=pretty for humans.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ExecutionContext, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { mapError } from '../errors/error-mapping';
import { isServerCall, splitGrpcPath } from '../metrics/grpc-call';
import { httpRequestInfo } from '../metrics/http-request-info';
import { activeSpanIds } from '../tracing/trace-context';

export interface LoggingOptions {
  readonly service: string;
  readonly version?: string;
  readonly level: string;
  readonly format: 'json' | 'pretty';
}

/** Probes and scrapes run every few seconds; a line each would drown the request log. */
const QUIET_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
  '*.secret',
];

/** Nest mounts the logger through middie, which rewrites req.url relative to the mount point. */
function requestPath(req: IncomingMessage & { originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

export function traceFields(): { trace_id?: string; span_id?: string } {
  const ids = activeSpanIds();
  return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/** rpc_service/rpc_method/rpc_grpc_status_code on a gRPC call's line, named as in the metrics. */
function grpcFields(context: ExecutionContext, code: GrpcStatus): Record<string, string | number> {
  const call = context.getArgByIndex<unknown>(2);
  if (!isServerCall(call)) return {};
  const { service, method } = splitGrpcPath(call.getPath());
  return { rpc_service: service, rpc_method: method, rpc_grpc_status_code: code };
}

export function loggerParams(options: LoggingOptions): Params {
  return {
    // FaultMarker's assign() must reach the request's completion line too.
    assignResponse: true,
    // nestjs-pino's default route '{/*splat}' matches nothing under Nest 12's Fastify adapter (no
    // request was ever logged); '{*splat}' matches every path, unmatched ones included.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    // A line per gRPC call too, and a logging context there so FaultMarker's assign() works
    // (needs the hybrid app's inheritAppConfig, which bootstrapService sets).
    microservice: {
      customAttributeKeys: { responseTime: 'duration_ms' },
      // Domain errors (NOT_FOUND, INVALID_ARGUMENT, …) are outcomes, not faults of this service.
      customLogLevel: (_context, error) => (error && mapError(error).unexpected ? 'error' : 'info'),
      customSuccessObject: (context, _result, value) => ({ ...value, ...grpcFields(context, GrpcStatus.OK) }),
      customErrorObject: (context, error, value) => ({
        ...value,
        ...grpcFields(context, mapError(error).grpcCode),
      }),
    },
    pinoHttp: {
      level: options.level,
      base: { service: options.service, ...(options.version ? { version: options.version } : {}) },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
      mixin: traceFields,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      // The completion line identifies the call; headers, remote address and the like would triple
      // its size (and its serialisation and redaction cost, see docs/benchmarks.md) for no use.
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customAttributeKeys: { responseTime: 'duration_ms' },
      // Lines logged while handling a request carry its id; the full request only the completion line.
      quietReqLogger: true,
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : 'info',
      // pino-http invents an Error ("failed with status code 500") for 5xx; the exception filter has
      // already logged the real one with its stack, so the completion line keeps only the facts.
      customErrorObject: (
        _req: IncomingMessage,
        _res: ServerResponse,
        _error: Error,
        value: Record<string, unknown>,
      ) => {
        const { err: _synthetic, ...rest } = value;
        return rest;
      },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(requestPath(req)) },
      // Called when the request starts and again when it completes; only the completion line gets
      // the route and status (at the start no route has been matched yet).
      customProps: (req: IncomingMessage, res: ServerResponse) => {
        if (!res.headersSent) return {};
        const info = httpRequestInfo(req);
        return {
          ...(info ? { http_route: info.route } : {}),
          http_response_status_code: res.statusCode,
        };
      },
      ...(options.format === 'pretty'
        ? {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
            },
          }
        : {}),
    },
  };
}
