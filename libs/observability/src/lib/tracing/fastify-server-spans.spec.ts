import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { waitFor } from '@obs/testing';
import Fastify, { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import { connect } from 'node:net';
import { HttpRequestInfo, httpRequestInfo } from '../metrics/http-request-info';
import { SERVER_SPAN_SCOPE, traceFastifyServers } from './fastify-server-spans';
import { InMemoryTracing, installInMemoryTracing } from './in-memory-tracing';

const PARENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT_SPAN = 'b7ad6b7169203331';

describe('HTTP server spans from Fastify hooks', () => {
  let tracing: InMemoryTracing;
  let stopTracing: () => void;
  let app: FastifyInstance;
  let baseUrl: string;
  const seenInHandler: Record<string, string | undefined> = {};
  let infoInHandler: HttpRequestInfo | undefined;
  let releaseSlow: () => void = () => undefined;
  let slowStarted = false;

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    stopTracing = traceFastifyServers(trace.getTracer(SERVER_SPAN_SCOPE), {
      untracedPaths: new Set(['/healthz']),
      contextManager: tracing.contextManager,
    });
    app = Fastify();
    app.get('/items/:id', async (request) => {
      seenInHandler['get'] = trace.getActiveSpan()?.spanContext().spanId;
      seenInHandler[request.url] = seenInHandler['get'];
      infoInHandler = httpRequestInfo(request.raw);
      return { id: (request.params as { id: string }).id };
    });
    app.post('/items', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seenInHandler['post'] = trace.getActiveSpan()?.spanContext().spanId;
      return request.body;
    });
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    app.get('/slow', () => {
      slowStarted = true;
      return new Promise((resolve) => (releaseSlow = () => resolve({ done: true })));
    });
    app.get('/healthz', async (request) => {
      seenInHandler[request.url] = trace.getActiveSpan()?.spanContext().spanId;
      return { ok: true };
    });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    releaseSlow();
    await app?.close();
    stopTracing?.();
    await tracing?.shutdown();
  });

  const finished = (): ReadableSpan[] => tracing.exporter.getFinishedSpans();
  const spanWith = (predicate: (span: ReadableSpan) => boolean) =>
    waitFor(async () => finished().find(predicate), { what: 'a finished server span' });

  it('makes one SERVER span per request, named by the route template and parented on traceparent', async () => {
    const res = await fetch(`${baseUrl}/items/42?debug=1`, {
      headers: { traceparent: `00-${PARENT_TRACE}-${PARENT_SPAN}-01`, 'user-agent': 'spec' },
    });
    expect(await res.json()).toEqual({ id: '42' });
    const span = await spanWith((s) => s.attributes['url.path'] === '/items/42');
    expect(span.name).toBe('GET /items/:id');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.instrumentationScope.name).toBe(SERVER_SPAN_SCOPE);
    expect(span.spanContext().traceId).toBe(PARENT_TRACE);
    expect(span.parentSpanContext?.spanId).toBe(PARENT_SPAN);
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/items/:id',
      'http.response.status_code': 200,
      'url.scheme': 'http',
      'user_agent.original': 'spec',
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(seenInHandler['get']).toBe(span.spanContext().spanId);
    // Recorded for the metrics and log hooks, which then need not read the route or the context again.
    expect(infoInHandler).toEqual({ route: '/items/:id', spanIds: { traceId: PARENT_TRACE, spanId: span.spanContext().spanId, sampled: true } });
    expect(finished().filter((s) => s.spanContext().traceId === PARENT_TRACE)).toHaveLength(1);
  });

  it('keeps the span active in a handler that runs after the body was read', async () => {
    // Headers first, the body 50 ms later: the body is read in the socket's context, not the hook's.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${baseUrl}/items`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => req.end(JSON.stringify({ name: 'late body' })), 50);
    });
    expect(status).toBe(200);
    const span = await spanWith((s) => s.name === 'POST /items');
    expect(seenInHandler['post']).toBe(span.spanContext().spanId);
  });

  it('marks 5xx as errors, leaves 4xx unset and names unmatched requests by method only', async () => {
    expect((await fetch(`${baseUrl}/boom`)).status).toBe(500);
    expect((await fetch(`${baseUrl}/nowhere/7`)).status).toBe(404);
    const failed = await spanWith((s) => s.name === 'GET /boom');
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.attributes['error.type']).toBe('500');
    const unmatched = await spanWith((s) => s.attributes['url.path'] === '/nowhere/7');
    expect(unmatched.name).toBe('GET');
    expect(unmatched.attributes['http.route']).toBeUndefined();
    expect(unmatched.attributes['http.response.status_code']).toBe(404);
    expect(unmatched.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('ends the span as an error when the client gives up before the response', async () => {
    const controller = new AbortController();
    const request = fetch(`${baseUrl}/slow`, { signal: controller.signal }).catch((error: unknown) => error);
    await waitFor(async () => slowStarted || undefined, { what: 'the slow handler to start' });
    controller.abort();
    await request;
    const span = await spanWith((s) => s.name === 'GET /slow');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('aborted');
    expect(span.attributes['http.response.status_code']).toBeUndefined();
  });

  it('ends the span as an error when the connection times out first', async () => {
    const impatient = Fastify({ connectionTimeout: 300 });
    impatient.get('/never', () => new Promise(() => undefined));
    const url = await impatient.listen({ port: 0, host: '127.0.0.1' });
    try {
      await fetch(`${url}/never`).catch(() => undefined);
      const span = await spanWith((s) => s.name === 'GET /never');
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes['error.type']).toBe('timeout');
    } finally {
      await impatient.close();
    }
  });

  it('does not trace probe paths', async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    await fetch(`${baseUrl}/items/probe-marker`);
    await spanWith((s) => s.attributes['url.path'] === '/items/probe-marker');
    expect(finished().filter((s) => s.attributes['url.path'] === '/healthz')).toEqual([]);
  });

  it('gives each of several requests sent in one write its own span, and a probe among them none', async () => {
    const { port } = new URL(baseUrl);
    const get = (path: string, last = false) => `GET ${path} HTTP/1.1\r\nHost: spec\r\n${last ? 'Connection: close\r\n' : ''}\r\n`;
    const replies = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(get('/items/pipe-1') + get('/healthz?pipe') + get('/items/pipe-2', true)),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(replies.match(/HTTP\/1\.1 200/g)).toHaveLength(3);
    const first = await spanWith((s) => s.attributes['url.path'] === '/items/pipe-1');
    const second = await spanWith((s) => s.attributes['url.path'] === '/items/pipe-2');
    expect(seenInHandler['/items/pipe-1']).toBe(first.spanContext().spanId);
    expect(seenInHandler['/items/pipe-2']).toBe(second.spanContext().spanId);
    expect(second.parentSpanContext).toBeUndefined();
    expect('/healthz?pipe' in seenInHandler).toBe(true);
    expect(seenInHandler['/healthz?pipe']).toBeUndefined();
  });
});
