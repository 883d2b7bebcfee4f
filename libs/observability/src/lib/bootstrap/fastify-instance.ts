// The Fastify instance behind Nest's HTTP adapter, for the providers that add Fastify hooks.
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** undefined in microservice-only contexts (no HTTP adapter) or under another adapter than Fastify. */
export function fastifyInstanceOf(adapterHost: HttpAdapterHost): FastifyInstance | undefined {
  const adapter = adapterHost.httpAdapter;
  if (!adapter || adapter.getType() !== 'fastify') return undefined;
  return adapter.getInstance<FastifyInstance>();
}
