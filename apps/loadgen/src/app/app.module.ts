import { Module } from '@nestjs/common';
import { ObservabilityModule } from '@obs/observability';
import { ControlModule } from './control/control.module';

@Module({
  imports: [ObservabilityModule.forRoot({ service: 'loadgen' }), ControlModule],
})
export class AppModule {}
