// The one global exception filter, for HTTP and gRPC alike: maps every error with mapError, answers
// `{statusCode, error, message, traceId}` (HTTP) or the matching status code (gRPC), never a stack.
import { Metadata } from '@grpc/grpc-js';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { activeSpanIds } from '../tracing/trace-context';
import { mapError, MappedError } from './error-mapping';

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string | string[];
  readonly traceId: string | null;
}

@Catch()
export class ObservabilityExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    const mappedError = mapError(exception);
    const traceId = activeSpanIds()?.traceId ?? null;
    if (mappedError.unexpected) this.recordUnexpected(exception, mappedError);

    if (host.getType() === 'rpc') return this.replyGrpc(mappedError, traceId);
    if (host.getType() === 'http')
      this.replyHttp(host.switchToHttp().getResponse<FastifyReply>(), mappedError, traceId);
  }

  private recordUnexpected(exception: unknown, mappedError: MappedError): void {
    const span = trace.getActiveSpan();
    if (exception instanceof Error) span?.recordException(exception);
    span?.setStatus({ code: SpanStatusCode.ERROR, message: String(mappedError.message) });
    // The error and its stack go to the log (with trace_id), never to the client.
    this.logger.error(
      { err: exception instanceof Error ? exception : new Error(String(exception)) },
      'unexpected error',
    );
  }

  private replyHttp(reply: FastifyReply, mappedError: MappedError, traceId: string | null): void {
    if (reply.sent) return;
    const body: ErrorBody = {
      statusCode: mappedError.statusCode,
      error: mappedError.error,
      message: mappedError.message,
      traceId,
    };
    void reply
      .status(mappedError.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private replyGrpc(mappedError: MappedError, traceId: string | null): Observable<never> {
    const message = Array.isArray(mappedError.message) ? mappedError.message.join('; ') : mappedError.message;
    const metadata = new Metadata();
    if (traceId) metadata.set('trace-id', traceId);
    // grpc-js sends `code`, `details` (falling back to `message`) and `metadata` as the call's status.
    return throwError(() => ({ code: mappedError.grpcCode, message, details: message, metadata }));
  }
}
