import { Module } from '@nestjs/common';
import { ControlController } from './control.controller';
import { LoadEngineHost, loadgenEnvProvider } from './load-engine.provider';

@Module({
  controllers: [ControlController],
  providers: [loadgenEnvProvider, LoadEngineHost],
})
export class ControlModule {}
