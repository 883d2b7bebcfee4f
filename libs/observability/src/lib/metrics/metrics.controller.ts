// GET /metrics with content negotiation. Served by our controller instead of
// @willsoto/nestjs-prometheus's: that one always renders the global prom-client registry as classic
// text, so it can neither carry exemplars (OpenMetrics only) nor serve one registry per module
// instance (tests boot several apps in one process, and the global registry rejects duplicates).
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { negotiateFormat, renderMetrics } from './exposition';

@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get('metrics')
  async metrics(@Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await renderMetrics(this.registry, negotiateFormat(accept));
    await reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }
}
