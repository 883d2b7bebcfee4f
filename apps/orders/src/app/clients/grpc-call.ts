// One unary gRPC attempt as a promise: a deadline on the wire, cancellation when the resilience
// policy aborts (its timeout), and rpc_client_call_duration_seconds for every attempt.
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import type { MetricsService } from '@obs/observability';
import type { Observable } from 'rxjs';

export type UnaryMethod<Req, Res> = (request: Req, metadata: Metadata, options: { deadline: Date }) => Observable<Res>;

export interface RpcTarget {
  /** Fully qualified service, e.g. obs.users.v1.UsersService (the rpc_service label). */
  readonly service: string;
  readonly method: string;
}

function statusCodeOf(error: unknown, signal: AbortSignal): number {
  if (signal.aborted) return GrpcStatus.DEADLINE_EXCEEDED;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : GrpcStatus.UNKNOWN;
}

export function callUnary<Req, Res>(
  metrics: MetricsService,
  target: RpcTarget,
  method: UnaryMethod<Req, Res>,
  request: Req,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Res> {
  const started = performance.now();
  const observe = (code: number) => {
    try {
      metrics.observeRpcClientCall(
        { rpc_system: 'grpc', rpc_service: target.service, rpc_method: target.method, rpc_grpc_status_code: String(code) },
        (performance.now() - started) / 1000,
      );
    } catch {
      // A metric must never fail or hang a call; a broken label set shows up as a missing series
      // (and in grpc-call.spec.ts), not as an outage.
    }
  };

  return new Promise<Res>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let response: Res | undefined;
    // The wire deadline matches the policy's timeout, so the callee can stop working on it too.
    const subscription = method(request, new Metadata(), { deadline: new Date(Date.now() + timeoutMs) }).subscribe({
      next: (value) => (response = value),
      error: (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        observe(statusCodeOf(error, signal));
        reject(error);
      },
      complete: () => {
        signal.removeEventListener('abort', onAbort);
        observe(GrpcStatus.OK);
        resolve(response as Res);
      },
    });
    function onAbort() {
      // Unsubscribing cancels the underlying call (Nest's unary method calls call.cancel()).
      subscription.unsubscribe();
      observe(GrpcStatus.DEADLINE_EXCEEDED);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A gRPC error with a status code (the shape of @grpc/grpc-js ServiceError). */
export function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && typeof (error as { details?: unknown }).details === 'string' ? code : undefined;
}
