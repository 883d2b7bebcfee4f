// rpc_server_call_duration_seconds for every unary gRPC handler, with the status the client gets:
// OK on success, and on failure the code the exception filter will answer with (same mapping).
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { Observable, tap } from 'rxjs';
import { mapError } from '../errors/error-mapping';
import { activeSpanIds } from '../tracing/trace-context';
import { isServerCall, splitGrpcPath } from './grpc-call';
import { MetricsService } from './metrics.service';

@Injectable()
export class GrpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = context.getArgByIndex<unknown>(2);
    if (context.getType() !== 'rpc' || !isServerCall(call)) return next.handle();
    const { service, method } = splitGrpcPath(call.getPath());
    const ids = activeSpanIds();
    const started = process.hrtime.bigint();
    const record = (code: GrpcStatus) =>
      this.metrics.observeRpcServerCall(
        { rpc_service: service, rpc_method: method, rpc_grpc_status_code: code },
        Number(process.hrtime.bigint() - started) / 1e9,
        ids,
      );
    let recorded = false;
    return next.handle().pipe(
      tap({
        next: () => {
          if (!recorded) record(GrpcStatus.OK);
          recorded = true;
        },
        complete: () => {
          if (!recorded) record(GrpcStatus.OK);
          recorded = true;
        },
        error: (error: unknown) => record(mapError(error).grpcCode),
      }),
    );
  }
}
