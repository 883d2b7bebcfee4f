// One gRPC attempt as the resilience policy sees it: the answer or the error, cancellation of the
// call when the policy's timeout aborts it, and an rpc_client_call_duration_seconds sample each time.
import { METRICS } from '@obs/contracts';
import { MetricsService } from '@obs/observability';
import { type OpenMetricsContentType, Registry } from 'prom-client';
import { Observable, of, throwError } from 'rxjs';
import { callUnary } from './grpc-call';

const target = { service: 'obs.users.v1.UsersService', method: 'ValidateUser' };

async function countFor(metrics: MetricsService, code: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(METRICS.rpcClientDuration.name)?.get();
  const values = (metric?.values ?? []) as { metricName?: string; labels: Record<string, unknown>; value: number }[];
  const sample = values.find((v) => v.metricName === `${METRICS.rpcClientDuration.name}_count` && v.labels['rpc_grpc_status_code'] === code);
  return sample?.value ?? 0;
}

describe('callUnary', () => {
  let metrics: MetricsService;
  beforeEach(() => {
    // The platform's registries speak OpenMetrics (exemplars need it), so the spec's does too.
    const registry = new Registry();
    (registry as unknown as Registry<OpenMetricsContentType>).setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    metrics = new MetricsService(registry);
  });

  it('resolves with the response and records status 0', async () => {
    const res = await callUnary(metrics, target, () => of({ valid: true }), {}, new AbortController().signal, 1_000);
    expect(res).toEqual({ valid: true });
    expect(await countFor(metrics, '0')).toBe(1);
  });

  it('rejects with the gRPC error and records its status code', async () => {
    const error = Object.assign(new Error('unavailable'), { code: 14, details: 'connection refused' });
    await expect(callUnary(metrics, target, () => throwError(() => error), {}, new AbortController().signal, 1_000)).rejects.toBe(error);
    expect(await countFor(metrics, '14')).toBe(1);
  });

  it('cancels the call when the policy aborts, recording DEADLINE_EXCEEDED', async () => {
    let cancelled = false;
    const never = new Observable<never>(() => () => {
      cancelled = true;
    });
    const controller = new AbortController();
    const pending = callUnary(metrics, target, () => never, {}, controller.signal, 1_000);
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    expect(cancelled).toBe(true);
    expect(await countFor(metrics, '4')).toBe(1);
  });

  it('puts the timeout on the wire as a gRPC deadline', async () => {
    let deadline = new Date(0);
    await callUnary(metrics, target, (_req, _md, options) => ((deadline = options.deadline), of({})), {}, new AbortController().signal, 5_000);
    expect(deadline.getTime() - Date.now()).toBeGreaterThan(4_000);
  });
});
