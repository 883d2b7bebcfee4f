// Server mode: drives orders, payments and users with the traffic model of DESIGN.md, controllable
// over /api/*, observable on /metrics. Run with the tracing preload (see project.json serve).
import { SERVICES } from '@obs/contracts';
import { bootstrapService, exitOnStartupError } from '@obs/observability';
import { AppModule } from './app/app.module';

bootstrapService(AppModule, { service: 'loadgen', httpPort: SERVICES.loadgen.httpPort }).catch(
  exitOnStartupError,
);
