// The control API: read and change the traffic while it runs, force a burst, pause and resume.
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailedError } from '@obs/observability';
import { ConfigValidationError, RuntimeConfig } from '../config/runtime-config';
import { EngineStatus } from '../engine/load-engine';
import { BurstState } from '../traffic/traffic-model';
import { burstRequestSchema } from './burst-request';
import { LoadEngineHost } from './load-engine.provider';
import { BURST_BODY_SCHEMA, CONFIG_PATCH_SCHEMA, CONFIG_SCHEMA } from './openapi-schemas';

@ApiTags('control')
@Controller('api')
export class ControlController {
  constructor(private readonly host: LoadEngineHost) {}

  @Get('config')
  @ApiOperation({ summary: 'The live traffic settings' })
  @ApiOkResponse({ schema: CONFIG_SCHEMA })
  getConfig(): RuntimeConfig {
    return this.host.engine.getConfig();
  }

  // The body is typed unknown so Nest's class-validator pipe lets it through; the zod schema of the
  // runtime config is the one validator (shared with the CLI and the environment).
  @Put('config')
  @ApiOperation({
    summary: 'Change any subset of the settings; nested objects merge key by key. Bad values: 400.',
  })
  @ApiBody({ schema: CONFIG_PATCH_SCHEMA })
  @ApiOkResponse({ schema: CONFIG_SCHEMA })
  putConfig(@Body() body: unknown): RuntimeConfig {
    try {
      return this.host.engine.updateConfig(body ?? {});
    } catch (error) {
      if (error instanceof ConfigValidationError)
        throw new ValidationFailedError(error.message, error.issues);
      throw error;
    }
  }

  @Post('burst')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start a burst now (defaults: the configured multiplier and duration)' })
  @ApiBody({ schema: BURST_BODY_SCHEMA, required: false })
  burst(@Body() body: unknown): BurstState {
    const parsed = burstRequestSchema.safeParse(body ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      throw new ValidationFailedError(problems.join('; '), problems);
    }
    return this.host.engine.burst(parsed.data.multiplier, parsed.data.durationSeconds);
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop sending new requests (requests in flight finish)' })
  pause(): EngineStatus {
    this.host.engine.pause();
    return this.host.engine.status();
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send traffic again, from now on (no backlog)' })
  resume(): EngineStatus {
    this.host.engine.resume();
    return this.host.engine.status();
  }

  @Get('status')
  @ApiOperation({ summary: 'Paused or not, current target rate, diurnal hour, burst, counters' })
  status(): EngineStatus {
    return this.host.engine.status();
  }
}
