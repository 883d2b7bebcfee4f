import { METRICS } from '@obs/contracts';
import { trace } from '@opentelemetry/api';
import { installInMemoryTracing, InMemoryTracing, samples } from '../../testing';
import { renderMetrics } from './exposition';
import { MetricsService } from './metrics.service';
import { createMetricsRegistry } from './registry';

describe('MetricsService', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => {
    tracing = installInMemoryTracing();
  });
  afterAll(() => tracing.shutdown());

  const openMetrics = async (metrics: MetricsService) =>
    (await renderMetrics(metrics.registry, 'openmetrics')).body;

  it('attaches the active sampled span as the exemplar of counters and histograms', async () => {
    const metrics = new MetricsService(createMetricsRegistry());
    trace.getTracer('test').startActiveSpan('create order', (span) => {
      metrics.counter(METRICS.ordersCreated).inc({ status: 'paid' });
      metrics.histogram(METRICS.loadgenDuration).observe({ scenario: 'orders' }, 0.2);
      span.end();
    });
    const [span] = tracing.exporter.getFinishedSpans();
    const body = await openMetrics(metrics);
    const counter = samples(body, 'orders_created_total')[0];
    expect(counter).toMatchObject({ labels: { status: 'paid' }, value: 1 });
    expect(counter.exemplar?.labels).toEqual({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
    const bucket = samples(body, 'loadgen_request_duration_seconds_bucket').find(
      (s) => s.labels['le'] === '0.25',
    );
    expect(bucket?.exemplar?.labels['trace_id']).toBe(counter.exemplar?.labels['trace_id']);
  });

  it('records without an exemplar outside a span', async () => {
    const metrics = new MetricsService(createMetricsRegistry());
    metrics.counter(METRICS.userAuthAttempts).inc({ result: 'ok' }, 2);
    const [sample] = samples(await openMetrics(metrics), 'user_auth_attempts_total');
    expect(sample).toEqual({ name: 'user_auth_attempts_total', labels: { result: 'ok' }, value: 2 });
  });

  it('gets or creates: two services on one registry share the metrics', async () => {
    const registry = createMetricsRegistry();
    const a = new MetricsService(registry);
    const b = new MetricsService(registry);
    a.observeRpcClientCall(
      { rpc_service: 'obs.users.v1.UsersService', rpc_method: 'ValidateUser', rpc_grpc_status_code: 0 },
      0.01,
    );
    b.observeRpcClientCall(
      { rpc_service: 'obs.users.v1.UsersService', rpc_method: 'ValidateUser', rpc_grpc_status_code: 0 },
      0.02,
    );
    a.gauge(METRICS.ordersInProgress).inc();
    b.gauge(METRICS.ordersInProgress).inc();
    const body = await openMetrics(a);
    expect(samples(body, 'rpc_client_call_duration_seconds_count')).toEqual([
      expect.objectContaining({
        labels: expect.objectContaining({ rpc_system: 'grpc', rpc_method: 'ValidateUser' }),
        value: 2,
      }),
    ]);
    expect(samples(body, 'orders_in_progress')[0].value).toBe(2);
  });

  it('times a block with startTimer and the final labels', async () => {
    const metrics = new MetricsService(createMetricsRegistry());
    const end = metrics
      .histogram(METRICS.httpClientDuration)
      .startTimer({ http_request_method: 'GET', server_address: 'orders' });
    const seconds = end({ http_response_status_code: 200 });
    expect(seconds).toBeGreaterThanOrEqual(0);
    const [count] = samples(await openMetrics(metrics), 'http_client_request_duration_seconds_count');
    expect(count.labels).toEqual({
      http_request_method: 'GET',
      server_address: 'orders',
      http_response_status_code: '200',
    });
  });

  it('records nothing, not even runtime metrics, when turned off (OBS_METRICS_ENABLED=false)', async () => {
    const metrics = new MetricsService(createMetricsRegistry({ defaultMetrics: false }), false);
    metrics.counter(METRICS.ordersCreated).inc({ status: 'paid' });
    metrics.observeHttpServerRequest({ http_request_method: 'GET', http_route: '/x', http_response_status_code: 200 }, 0.1);
    const stop = metrics.histogram(METRICS.loadgenDuration).startTimer({ scenario: 'orders' });
    expect(stop()).toBeGreaterThanOrEqual(0);
    const body = await openMetrics(metrics);
    expect(samples(body, 'orders_created_total')).toEqual([]);
    expect(samples(body, 'http_server_request_duration_seconds_count')).toEqual([]);
    expect(samples(body, 'process_cpu_seconds_total')).toEqual([]);
    expect(body.trim()).toBe('# EOF');
  });
});
