// A minimal service built the way real ones are: one ObservabilityModule import, nothing else.
import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { ObservabilityModule } from '../lib/observability.module';
import { FixtureGrpcController } from './fixture-grpc.controller';
import { FixtureHttpController } from './fixture-http.controller';

export const FIXTURE_SERVICE = 'fixture';
export const FIXTURE_PROTO = join(__dirname, 'fixture.proto');
export const FIXTURE_PROTO_PACKAGE = 'obs.fixture.v1';

@Module({
  imports: [ObservabilityModule.forRoot({ service: FIXTURE_SERVICE, version: '1.2.3' })],
  controllers: [FixtureHttpController, FixtureGrpcController],
})
export class FixtureModule {}
