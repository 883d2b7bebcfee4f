// One real process (fixture app + tracing preload + span file exporter): a request's trace id must
// be the same in the exported span, the log line and the metric exemplar.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { CATALOG_METRIC_NAMES } from '@obs/contracts';
import { describeWithBinaries, PROMETHEUS, PROMTOOL, waitFor } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { prometheusApi, startPrometheus, TestPrometheus } from '../../testing-fixtures/prometheus';
import { fixtureGrpcClient } from '../../testing-fixtures/grpc-client';
import { FixtureProcess, startFixture } from '../../testing-fixtures/spawn-fixture';
import { ExportedSpan, readExportedSpans, samples, scrape } from '../../testing';
import { SERVER_SPAN_SCOPE } from './fastify-server-spans';

jest.setTimeout(90_000);


describe('a service with the observability module and the tracing preload', () => {
  let fixture: FixtureProcess;

  beforeAll(async () => {
    fixture = await startFixture({ DEPLOYMENT_ENVIRONMENT: 'test' });
  });
  afterAll(() => fixture?.dispose());

  function serverSpanWhere(match: (span: ExportedSpan) => boolean): Promise<ExportedSpan> {
    return waitFor(
      async () => readExportedSpans(fixture.spansFile).find((s) => s.scope === SERVER_SPAN_SCOPE && match(s)),
      {
        what: 'an exported server span',
      },
    );
  }

  const serverSpan = (route: string) => serverSpanWhere((s) => s.attributes['http.route'] === route);

  it('correlates one request across the span, the log line and the exemplar', async () => {
    const res = await fetch(`${fixture.baseUrl}/api/items/42`, {
      headers: { authorization: 'Bearer top-secret' },
    });
    expect(res.status).toBe(200);

    const span = await serverSpan('/api/items/:id');
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.resource).toMatchObject({ 'service.name': 'fixture', 'deployment.environment.name': 'test' });
    const traceSpanIds = readExportedSpans(fixture.spansFile)
      .filter((s) => s.traceId === span.traceId)
      .map((s) => s.spanId);

    const completed = await waitFor(
      async () =>
        fixture.logs().find((l) => l.msg === 'request completed' && l['http_route'] === '/api/items/:id'),
      { what: 'the request log line' },
    );
    expect(completed).toMatchObject({
      service: 'fixture',
      trace_id: span.traceId,
      http_response_status_code: 200,
    });
    expect(traceSpanIds).toContain(completed.span_id);
    expect(typeof completed['duration_ms']).toBe('number');
    expect(JSON.stringify(completed)).not.toContain('top-secret');
    // Probes (startFixture polled /readyz) are not logged per request.
    expect(fixture.logs().filter((l) => l['http_route'] === '/readyz')).toEqual([]);
    const handlerLine = fixture.logs().find((l) => l.msg === 'item read');
    expect(handlerLine).toMatchObject({ trace_id: span.traceId });
    expect(traceSpanIds).toContain(handlerLine?.span_id);

    const openMetrics = await scrape(fixture.baseUrl, 'openmetrics');
    expect(openMetrics.contentType).toMatch(/^application\/openmetrics-text; version=1.0.0/);
    expect(openMetrics.body.trimEnd().endsWith('# EOF')).toBe(true);
    const buckets = samples(openMetrics.body, 'http_server_request_duration_seconds_bucket').filter(
      (s) => s.labels['http_route'] === '/api/items/:id',
    );
    const exemplar = buckets.find((s) => s.exemplar)?.exemplar;
    expect(exemplar?.labels).toEqual({
      trace_id: span.traceId,
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(traceSpanIds).toContain(exemplar?.labels['span_id']);

    const classic = await scrape(fixture.baseUrl, 'classic');
    expect(classic.contentType).toMatch(/^text\/plain; version=0.0.4/);
    expect(classic.body).not.toContain('# EOF');
    expect(classic.body).not.toMatch(/ # \{trace_id=/);
    const counts = samples(classic.body, 'http_server_request_duration_seconds_count');
    expect(counts).toContainEqual(
      expect.objectContaining({
        labels: {
          http_request_method: 'GET',
          http_route: '/api/items/:id',
          http_response_status_code: '200',
        },
        value: 1,
      }),
    );
    // Default process and runtime metrics, with counters still named *_total after an OpenMetrics render.
    expect(samples(classic.body, 'process_cpu_seconds_total')).toHaveLength(1);
    expect(samples(classic.body, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('puts the trace id of the failed request in the error body', async () => {
    const res = await fetch(`${fixture.baseUrl}/api/items/missing`);
    const body = (await res.json()) as { traceId: string };
    expect(res.status).toBe(404);
    const span = await serverSpanWhere((s) => s.attributes['http.response.status_code'] === 404);
    expect(body.traceId).toBe(span.traceId);
  });

  it('marks injected faults on the span and on the request log line', async () => {
    expect((await fetch(`${fixture.baseUrl}/api/faulty`)).status).toBe(200);
    const line = await waitFor(
      async () =>
        fixture.logs().find((l) => l.msg === 'request completed' && l['http_route'] === '/api/faulty'),
      { what: 'the faulty request log line' },
    );
    expect(line).toMatchObject({ 'fault.injected': true, 'fault.kind': 'latency' });
    const faultSpan = await waitFor(
      async () =>
        readExportedSpans(fixture.spansFile).find(
          (s) => s.traceId === line.trace_id && s.attributes['fault.injected'],
        ),
      { what: 'a span marked fault.injected' },
    );
    expect(faultSpan.attributes['fault.kind']).toBe('latency');
  });

  it('records gRPC calls in rpc_server_call_duration_seconds and maps errors to gRPC status codes', async () => {
    const client = fixtureGrpcClient(fixture.grpcTarget);
    try {
      expect(await client.getItem('7')).toMatchObject({
        code: GrpcStatus.OK,
        item: { id: '7', name: 'item 7' },
      });
      const missing = await client.getItem('missing');
      expect(missing).toMatchObject({ code: GrpcStatus.NOT_FOUND, details: 'item missing not found' });
      expect(missing.metadata?.get('trace-id')[0]).toMatch(/^[0-9a-f]{32}$/);
      expect((await client.getItem('down')).code).toBe(GrpcStatus.DEADLINE_EXCEEDED);
      expect((await client.getItem('')).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    } finally {
      client.close();
    }
    const { body } = await scrape(fixture.baseUrl, 'openmetrics');
    const calls = samples(body, 'rpc_server_call_duration_seconds_count').map((s) => [
      s.labels['rpc_grpc_status_code'],
      s.value,
    ]);
    expect(Object.fromEntries(calls)).toEqual({ '0': 1, '5': 1, '4': 1, '3': 1 });
    const okSample = samples(body, 'rpc_server_call_duration_seconds_count')[0];
    expect(okSample.labels).toMatchObject({
      rpc_system: 'grpc',
      rpc_service: 'obs.fixture.v1.ItemsService',
      rpc_method: 'GetItem',
    });
    expect(
      samples(body, 'rpc_server_call_duration_seconds_bucket').some((s) => s.exemplar?.labels['trace_id']),
    ).toBe(true);

    const grpcLines = fixture.logs().filter((l) => l['rpc_method'] === 'GetItem');
    expect(grpcLines).toContainEqual(
      expect.objectContaining({
        msg: 'message completed',
        level: 'info',
        rpc_grpc_status_code: 0,
        trace_id: expect.any(String),
      }),
    );
    // A NOT_FOUND is an answer, not a failure of this service: logged at info, not error.
    expect(grpcLines).toContainEqual(
      expect.objectContaining({ msg: 'message errored', level: 'info', rpc_grpc_status_code: 5 }),
    );
  });

  it('exports nothing over OTLP and complains about nothing when no endpoint is set', () => {
    expect(fixture.process.output()).not.toMatch(/ECONNREFUSED|OTLPExporterError|14 UNAVAILABLE/);
  });

  describeWithBinaries([PROMTOOL], 'checked by promtool', () => {
    it('finds nothing to complain about in the catalog metrics', async () => {
      const { body } = await scrape(fixture.baseUrl, 'classic');
      const lint = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
      // prom-client's own runtime gauges (nodejs_active_handles_total, …) break a naming rule; ours must not.
      const problems = `${lint.stdout}${lint.stderr}`.split('\n').filter((line) => line.trim());
      expect(problems.filter((line) => CATALOG_METRIC_NAMES.some((name) => line.startsWith(name)))).toEqual(
        [],
      );
      expect(problems.every((line) => /should not have "_total" suffix/.test(line))).toBe(true);
    });
  });

  describeWithBinaries([PROMETHEUS], 'scraped by a real Prometheus', () => {
    let prometheus: TestPrometheus;
    beforeAll(async () => {
      prometheus = await startPrometheus(new URL(fixture.baseUrl).host);
    });
    afterAll(() => prometheus?.dispose());

    it('stores the histogram and its exemplar with the trace id of the exported span', async () => {
      const start = String(Date.now() / 1000 - 60);
      await fetch(`${fixture.baseUrl}/api/items/prom-1`);
      const span = await serverSpanWhere((s) => s.attributes['url.path'] === '/api/items/prom-1');
      const exemplars = await waitFor(
        async () => {
          const data = await prometheusApi<Array<{ exemplars: Array<{ labels: Record<string, string> }> }>>(
            prometheus,
            '/api/v1/query_exemplars',
            {
              query: 'http_server_request_duration_seconds_bucket{http_route="/api/items/:id"}',
              start,
              end: String(Date.now() / 1000 + 60),
            },
          );
          const found = data
            .flatMap((series) => series.exemplars)
            .filter((e) => e.labels['trace_id'] === span.traceId);
          return found.length > 0 ? found : undefined;
        },
        { what: 'Prometheus to store the exemplar', timeoutMs: 30_000 },
      );
      expect(exemplars[0].labels).toEqual({
        trace_id: span.traceId,
        span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      });
      const counters = await prometheusApi<{ result: Array<{ metric: Record<string, string> }> }>(
        prometheus,
        '/api/v1/query',
        {
          query: 'process_cpu_seconds_total{service="fixture"}',
        },
      );
      expect(counters.result).toHaveLength(1);
    });
  });
});
