// Records http_server_request_duration_seconds from Fastify's own hooks rather than a Nest
// interceptor: onResponse also runs for 404s from Nest's not-found handler, guard rejections (401/403),
// thrown errors, and Fastify's body errors (400/413), which an interceptor never sees.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fastifyInstanceOf } from '../bootstrap/fastify-instance';
import { activeSpanIds } from '../tracing/trace-context';
import { httpRequestInfo, routeTemplate, setHttpRequestInfo } from './http-request-info';
import { MetricsService } from './metrics.service';

@Injectable()
export class HttpMetricsHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const fastify = fastifyInstanceOf(this.adapterHost);
    if (!fastify) return;
    // Hooks added before the server is ready apply to every route, including the ones Nest already declared.
    fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
      // The tracing preload's hook, which runs first, has already recorded the requests it traces.
      if (!httpRequestInfo(request.raw)) {
        setHttpRequestInfo(request.raw, { route: routeTemplate(request.routeOptions.url), spanIds: activeSpanIds() });
      }
      done();
    });
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const info = httpRequestInfo(request.raw);
      this.metrics.observeHttpServerRequest(
        {
          http_request_method: request.method,
          http_route: info?.route ?? routeTemplate(request.routeOptions.url),
          http_response_status_code: reply.statusCode,
        },
        reply.elapsedTime / 1000,
        info?.spanIds,
      );
      done();
    });
  }
}
