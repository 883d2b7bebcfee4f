// The HTTP server span, from Fastify's own hooks: one SERVER span per request, named by the route
// template, parented on the incoming W3C context. It replaces the http instrumentation's incoming
// side plus @fastify/otel, which together made three spans per request and bound listeners to every
// request and response emitter; the benchmark (docs/benchmarks.md) measured that as the largest part
// of the price of tracing. Subscribes to the `fastify.initialization` diagnostics channel, so the
// hooks are the first of every Fastify instance and middleware runs inside the span.
import { Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, Tracer } from '@opentelemetry/api';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeTemplate, setHttpRequestInfo } from '../metrics/http-request-info';
import { contextWithSpan } from './context-layer';
import type { PooledRandomIdGenerator } from './pooled-id-generator';
import { pathWithoutQuery } from './probe-paths';
import { spanIdsOf } from './trace-context';

const INITIALIZATION_CHANNEL = 'fastify.initialization';
const SERVER_SPAN = Symbol('obs.server-span');

export const SERVER_SPAN_SCOPE = '@obs/observability';

type TracedRequest = FastifyRequest & { [SERVER_SPAN]?: Span };

export interface ServerSpanOptions {
  /** Paths (without query) that get no span: probes and scrapes. */
  readonly untracedPaths: ReadonlySet<string>;
  /** The registered context manager: the hook makes the span's context current through it. */
  readonly contextManager: { attach(context: Context): unknown };
  /** The provider's id generator, when it is the pooled one: it notes the bytes of each span's ids for the encoder. */
  readonly idGenerator?: PooledRandomIdGenerator;
}

// Read once: @opentelemetry/api exports everything through getters, which compiled code would call
// at every use, on every request.
const propagationApi = propagation;
const EMPTY_CONTEXT = ROOT_CONTEXT;
const SERVER_KIND = { kind: SpanKind.SERVER };

const NO_RESPONSE = {
  aborted: 'client closed the connection before the response',
  timeout: 'the connection timed out before the response',
} as const;

/** Ends the request's span once: with the status sent, or as an error when no response went out. */
function endServerSpan(request: TracedRequest, statusCode: number | keyof typeof NO_RESPONSE): void {
  const span = request[SERVER_SPAN];
  if (!span) return;
  request[SERVER_SPAN] = undefined;
  // Semantic conventions: a server span is an error for 5xx (and when no response went out), not 4xx.
  if (typeof statusCode === 'string') {
    span.setAttribute('error.type', statusCode);
    span.setStatus({ code: SpanStatusCode.ERROR, message: NO_RESPONSE[statusCode] });
    span.end();
    return;
  }
  span.setAttribute('http.response.status_code', statusCode);
  if (statusCode >= 500) {
    span.setAttribute('error.type', String(statusCode));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/**
 * Set on the started span rather than passed to startSpan: the SDK copies startSpan's attributes
 * three times (twice in sanitizeAttributes, once into the span) and builds none of them for a span
 * that is not recorded. Semantic conventions ask for these at creation so that samplers can read
 * them; the samplers OTEL_TRACES_SAMPLER selects (always_on/off, traceidratio, parentbased_*) read
 * only the trace id and the parent, so the decision is the same. A sampler that reads attributes
 * would need them passed to startSpan again.
 */
function setRequestAttributes(span: Span, request: FastifyRequest, path: string, route: string | undefined): void {
  span.setAttribute('http.request.method', request.method);
  span.setAttribute('url.path', path);
  span.setAttribute('url.scheme', request.protocol);
  span.setAttribute('network.protocol.version', request.raw.httpVersion);
  span.setAttribute('client.address', request.ip);
  if (route) span.setAttribute('http.route', route);
  const userAgent = request.headers['user-agent'];
  if (userAgent) span.setAttribute('user_agent.original', userAgent);
}

/**
 * Span names by route and method, built once: a name concatenated per request is a new string that
 * the encoder flattens and compares character by character with the one it remembers; this one is
 * the same string every time. Bounded by the app's routes and Fastify's methods (an unmatched
 * request is named by its method alone).
 */
class SpanNames {
  private readonly byRoute = new Map<string, Map<string, string>>();

  nameFor(method: string, route: string | undefined): string {
    if (!route) return method;
    let byMethod = this.byRoute.get(route);
    if (!byMethod) this.byRoute.set(route, (byMethod = new Map()));
    let name = byMethod.get(method);
    if (name === undefined) byMethod.set(method, (name = `${method} ${route}`));
    return name;
  }
}

/** Adds the span hooks to one Fastify instance (called for every instance once tracing starts). */
export function addServerSpanHooks(fastify: FastifyInstance, tracer: Tracer, options: ServerSpanOptions): void {
  const spanNames = new SpanNames();
  fastify.addHook('onRequest', (request: TracedRequest, _reply: FastifyReply, done: () => void) => {
    const path = pathWithoutQuery(request.url);
    if (options.untracedPaths.has(path)) return done();
    const route = request.routeOptions.url;
    const parent = propagationApi.extract(EMPTY_CONTEXT, request.headers);
    const span = tracer.startSpan(spanNames.nameFor(request.method, route), SERVER_KIND, parent);
    if (span.isRecording()) {
      setRequestAttributes(span, request, path, route);
      options.idGenerator?.recordIdBytes(span as unknown as ReadableSpan);
    }
    request[SERVER_SPAN] = span;
    // What the metrics and log hooks would otherwise read again (the route getter builds an object).
    setHttpRequestInfo(request.raw, { route: routeTemplate(route), spanIds: spanIdsOf(span.spanContext()) });
    // The rest of the request (middleware, body, handler, reply) continues from here, so it runs
    // inside the span; the spec checks that for a body that arrives after the headers too. attach
    // rather than context.with: on Node 24 AsyncLocalStorage.run copies the async context frame
    // twice (to enter and to leave), attach once. Nothing needs the old context back: Node restores
    // the frame it had when the socket's callback returns, and a request pipelined behind this one
    // starts from that (the spec sends a probe and a request in one write behind a traced request).
    options.contextManager.attach(contextWithSpan(parent, span));
    done();
  });
  fastify.addHook('onResponse', (request: TracedRequest, reply: FastifyReply, done: () => void) => {
    endServerSpan(request, reply.statusCode);
    done();
  });
  fastify.addHook('onRequestAbort', (request: TracedRequest, done: () => void) => {
    endServerSpan(request, 'aborted');
    done();
  });
  // Only a server with a connection timeout can time a request out ('timeout' fires on the socket
  // after server.setTimeout(connectionTimeout); Fastify's default 0 sets none). The hook is not free
  // where it cannot fire: with it, Fastify adds and removes a socket listener on every request.
  if (fastify.initialConfig.connectionTimeout) {
    fastify.addHook('onTimeout', (request: TracedRequest, _reply: FastifyReply, done: () => void) => {
      endServerSpan(request, 'timeout');
      done();
    });
  }
}

/** Traces every Fastify instance created from now on; returns the function that stops it. */
export function traceFastifyServers(tracer: Tracer, options: ServerSpanOptions): () => void {
  const onInitialization = (message: unknown) =>
    addServerSpanHooks((message as { fastify: FastifyInstance }).fastify, tracer, options);
  subscribe(INITIALIZATION_CHANNEL, onInitialization);
  return () => unsubscribe(INITIALIZATION_CHANNEL, onInitialization);
}
