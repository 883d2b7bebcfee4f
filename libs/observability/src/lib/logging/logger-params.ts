// nestjs-pino settings: JSON lines, each carrying service, trace_id and span_id and trace_flags of the
// active span (via a mixin, so no pino instrumentation is needed); secrets redacted; LOG_FORMAT=pretty
// for humans. The HTTP completion line (route template, status, duration) is RequestCompletionLog's.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ExecutionContext, RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { destination } from 'pino';
import { mapError } from '../errors/error-mapping';
import { isServerCall, splitGrpcPath } from '../metrics/grpc-call';
import { activeSpanIds } from '../tracing/trace-context';
import { isoTimeCachedPerSecond } from './iso-time';
import { LineWriter } from './line-writer';
import { redactNestedSecrets, REDACTION_CENSOR, SENSITIVE_KEYS } from './redaction';

export interface LoggingOptions {
  readonly service: string;
  readonly version?: string;
  readonly level: string;
  readonly format: 'json' | 'pretty';
  /**
   * false (the default): lines collect while a write is in flight and go out together (LineWriter),
   * and what is left is written when the process exits (SIGKILL still loses the last few
   * milliseconds). A blocking write per line cost more than the rest of the line (docs/performance.md).
   */
  readonly sync?: boolean;
}

// Request and response headers never reach a line (the req/res serializers below keep id, method,
// url and status only); nested secrets are censored by redactNestedSecrets.
export const REDACTED_PATHS = [...SENSITIVE_KEYS];

export function traceFields(): { trace_id?: string; span_id?: string; trace_flags?: string } {
  const ids = activeSpanIds();
  return ids ? { trace_id: ids.traceId, span_id: ids.spanId, trace_flags: ids.sampled ? '01' : '00' } : {};
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
    pinoHttp:
      options.format === 'pretty'
        ? pinoHttpOptions(options)
        : [pinoHttpOptions(options), options.sync ? destination({ dest: 1, sync: true }) : new LineWriter(1)],
  };
}

/** pino-http's options: what a line holds, which lines are written, at which level. */
export function pinoHttpOptions(options: LoggingOptions): PinoHttpOptions {
  return {
    level: options.level,
    base: { service: options.service, ...(options.version ? { version: options.version } : {}) },
    timestamp: isoTimeCachedPerSecond(),
    formatters: { level: (label: string) => ({ level: label }), log: redactNestedSecrets },
    mixin: traceFields,
    redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
    // The completion line identifies the call; headers, remote address and the like would triple
    // its size (and its serialisation and redaction cost, see docs/benchmarks.md) for no use.
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // Every line logged while handling a request carries the (trimmed) request: id, method, url.
    // quietReqLogger would put a bare reqId there instead, at the price of a second child logger per
    // request, which measured as half of pino-http's cost per request (docs/performance.md).
    quietReqLogger: false,
    // The completion line comes from Fastify's onResponse hook (RequestCompletionLog), which also
    // sees requests that never reach a middleware and needs no listeners on the response.
    autoLogging: false,
    ...(options.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
          },
        }
      : {}),
  };
}
