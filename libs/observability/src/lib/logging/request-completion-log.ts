// One line per HTTP request when it completes (or the client gives up on it), from Fastify's own
// hooks: they run for every request, 404s and body errors included, and already know the route,
// status, duration and span ids (HttpMetricsHooks records them at arrival). Probes are not logged.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { fastifyInstanceOf } from '../bootstrap/fastify-instance';
import { httpRequestInfo, routeTemplate } from '../metrics/http-request-info';
import { PROBE_PATHS, pathWithoutQuery } from '../tracing/probe-paths';
import { activeSpanIds } from '../tracing/trace-context';
import { writeCompletionLine } from './completion-line';

/** What pino-http (mounted by nestjs-pino) leaves on the raw request and response. */
interface PinoHttpCarrier {
  log?: Logger;
  /** The last one is the logger nestjs-pino's PinoLogger.assign() adds fields to. */
  allLogs?: Logger[];
}

function loggerOf(carrier: PinoHttpCarrier): Logger | undefined {
  return carrier.allLogs?.[carrier.allLogs.length - 1] ?? carrier.log;
}

function logCompletion(request: FastifyRequest, logger: Logger | undefined, statusCode: number | undefined, elapsedMs?: number): void {
  if (!logger || PROBE_PATHS.has(pathWithoutQuery(request.url))) return;
  const info = httpRequestInfo(request.raw);
  writeCompletionLine(logger, {
    route: info?.route ?? routeTemplate(request.routeOptions.url),
    statusCode,
    durationMs: elapsedMs === undefined ? undefined : Math.round(elapsedMs),
    spanIds: info ? info.spanIds : activeSpanIds(),
  });
}

@Injectable()
export class RequestCompletionLog implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = fastifyInstanceOf(this.adapterHost);
    if (!fastify) return;
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      logCompletion(request, loggerOf(reply.raw as PinoHttpCarrier), reply.statusCode, reply.elapsedTime);
      done();
    });
    // The reply (its logger, its clock) is out of reach here: the request's logger has the same
    // bindings, less any fields assigned during the request, and the line has no duration.
    fastify.addHook('onRequestAbort', (request: FastifyRequest, done: () => void) => {
      logCompletion(request, loggerOf(request.raw as PinoHttpCarrier), undefined);
      done();
    });
  }
}
