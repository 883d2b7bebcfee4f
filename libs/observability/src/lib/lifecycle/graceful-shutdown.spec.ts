// SIGTERM with HTTP requests and a gRPC call in flight, on a real process: readiness turns 503 at
// once, the calls complete, spans are flushed on the way out (to a file and over OTLP gRPC to a
// collector), and the process exits 0.
import { waitFor } from '@obs/testing';
import { readExportedSpans } from '../../testing';
import { type OtlpReceiver, startOtlpReceiver } from '@obs/testing';
import { fixtureGrpcClient } from '../../testing-fixtures/grpc-client';
import { FixtureProcess, startFixture } from '../../testing-fixtures/spawn-fixture';
import { SERVER_SPAN_SCOPE } from '../tracing/fastify-server-spans';

jest.setTimeout(90_000);

describe('graceful shutdown', () => {
  let fixture: FixtureProcess;
  let collector: OtlpReceiver;

  beforeAll(async () => {
    collector = await startOtlpReceiver();
    fixture = await startFixture({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '600000',
      // Time for load balancers to see the 503 before the listeners close.
      SHUTDOWN_DELAY_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '20000',
      // Spans reach the file and the collector only when the SDK is flushed, i.e. during shutdown.
      OBS_TEST_SPANS_BATCH_DELAY_MS: '600000',
    });
  });
  afterAll(async () => {
    await fixture?.dispose();
    await collector?.stop();
  });

  it('fails readiness at once, drains in-flight HTTP and gRPC calls, flushes spans and exits 0', async () => {
    const inFlight = Array.from({ length: 3 }, () =>
      fetch(`${fixture.baseUrl}/api/slow?ms=4000`).then(async (res) => ({
        status: res.status,
        body: await res.json(),
      })),
    );
    const grpc = fixtureGrpcClient(fixture.grpcTarget);
    // Outlasts the HTTP requests, so it is still running when the gRPC server is asked to shut down.
    const grpcInFlight = grpc.getItem('slow-6000');
    await waitFor(
      async () => {
        const messages = fixture.logs().map((l) => l.msg);
        const started =
          messages.filter((m) => m === 'slow request started').length === 3 &&
          messages.includes('slow call started');
        return started ? true : undefined;
      },
      { what: 'three slow requests and a slow gRPC call in flight' },
    );
    expect(readExportedSpans(fixture.spansFile)).toEqual([]);

    fixture.process.child.kill('SIGTERM');
    // The signal arrives asynchronously; from then on (and during SHUTDOWN_DELAY_MS) /readyz says 503.
    const readiness = await waitFor(
      async () => {
        const res = await fetch(`${fixture.baseUrl}/readyz`);
        return res.status === 503 ? res.json() : undefined;
      },
      { intervalMs: 20, what: '/readyz to answer 503' },
    );
    expect(readiness).toMatchObject({ ready: false, status: 'shutting_down' });
    expect((await fetch(`${fixture.baseUrl}/healthz`)).status).toBe(200);

    const responses = await Promise.all(inFlight);
    expect(responses).toEqual(Array(3).fill({ status: 200, body: { waited: 4000 } }));
    expect(await grpcInFlight).toMatchObject({ code: 0, item: { id: 'slow-6000' } });
    grpc.close();
    expect(await fixture.exited()).toBe(0);

    const slowSpans = readExportedSpans(fixture.spansFile).filter(
      (s) => s.scope === SERVER_SPAN_SCOPE && s.attributes['http.route'] === '/api/slow',
    );
    expect(slowSpans).toHaveLength(3);
    // The same flush sent them over OTLP gRPC to the collector.
    for (const span of slowSpans) expect(collector.trace(span.traceId)).not.toHaveLength(0);
    expect(fixture.logs().map((l) => l.msg)).toContain('listeners closed, in-flight calls drained');
  });
});
